// SHA-256 digests and Base64 (the only file that includes OpenSSL).
#pragma once

#include <string>
#include <string_view>

namespace firefly {

/// The SHA-256 digest of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

/// `bytes` in Base64 (RFC 4648, with padding, no line breaks).
std::string base64(std::string_view bytes);

}  // namespace firefly
