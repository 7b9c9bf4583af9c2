// What an image file's first bytes say it is, and a GIF without its hidden data: for the
// files of static/ that are not published through the photo step.
#pragma once

#include <string>
#include <string_view>

namespace firefly {

/// The photo format the bytes `head` (the first 16 or more of a file) begin with: "jpeg",
/// "png", "webp", "tiff" or "heif" (the formats the photo step reads), "" for any other.
std::string_view sniff_photo_format(std::string_view head);

/// What strip_gif_metadata found.
enum class GifStrip {
  kClean,      ///< nothing to remove: publish the file as it is
  kStripped,   ///< `out` holds the GIF without comments, XMP and other application data
  kMalformed,  ///< not a GIF, or a block of it cut off: `out` is not set
};

/// The GIF `in` without what can carry hidden data (comment blocks, application blocks
/// other than the animation's loop count and the colour profile, bytes after the end),
/// pictures and animation kept byte for byte.
GifStrip strip_gif_metadata(std::string_view in, std::string& out);

}  // namespace firefly
