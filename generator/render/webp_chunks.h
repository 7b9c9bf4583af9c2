// WebP files without metadata: libvips 8.14 writes an EXIF chunk into every WebP file even
// when asked to strip metadata, so the chunks are removed from the RIFF container here.
#pragma once

#include <string>

namespace firefly {

/// `webp` without its EXIF and XMP chunks, with the extended header's flags and the RIFF
/// size updated; unchanged when it is not a well-formed WebP file.
std::string strip_webp_metadata(const std::string& webp);

}  // namespace firefly
