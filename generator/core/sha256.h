// SHA-256 digests (the only file that includes OpenSSL).
#pragma once

#include <string>
#include <string_view>

namespace firefly {

/// The SHA-256 digest of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace firefly
