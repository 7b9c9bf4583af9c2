// What the render stage produces and the emit stage writes.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/value.h"

namespace firefly {

/// One file of the built site.
struct OutputFile {
  std::string path;    ///< relative to the output root, '/'-separated, e.g. "en/stories/index.html"
  std::string bytes;   ///< the content
  std::string source;  ///< the file it was copied from (for static files; "" if generated)
  std::string origin = {};  ///< the source file it was rendered from, for errors ("" if none)
  /// `source` is never changed in place (a photo cache entry): the output may be a hard link
  /// to it instead of a copy.
  bool linkable = false;
  /// For a linkable file, which file `source` is (its device and inode) when the caller
  /// knows it, so the writer need not look; 0 when not known.
  unsigned long long source_device = 0, source_inode = 0;

  /// Where in `origin` the file's address is written (a page's `url:`, an alias), for
  /// errors; unknown (0) for a page at its file's own address.
  Pos origin_pos = {};

  /// The file an error about this output names: where it was rendered or copied from.
  const std::string& cause() const { return origin.empty() ? source : origin; }
};

/// The whole built site, in no particular order (emit sorts).
using OutputSet = std::vector<OutputFile>;

/// Takes files as they are rendered (called from several threads at once).
using OutputSink = std::function<void(OutputFile&&)>;

}  // namespace firefly
