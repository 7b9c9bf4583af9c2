// Bytes kept deflated in memory: the preview holds every file of a build, and HTML,
// JSON and XML shrink several times (the only place that includes zlib).
#pragma once

#include <string>
#include <string_view>

namespace firefly {

/// `bytes` deflated (zlib, its fastest level); "" when that would not save a tenth.
std::string pack_bytes(std::string_view bytes);

/// The `size` bytes that pack_bytes deflated into `packed`.
std::string unpack_bytes(std::string_view packed, size_t size);

}  // namespace firefly
