// SHA-256 digests and Base64 (the only file that includes OpenSSL).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace firefly {

/// The SHA-256 digest of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

/// A SHA-256 digest of bytes given piece by piece (a file written as a stream).
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  /// A stream that goes on from where `other` is (which goes on too): a prefix common to
  /// many digests is hashed once.
  Sha256Stream(const Sha256Stream& other);
  Sha256Stream& operator=(const Sha256Stream&) = delete;

  /// Adds the next piece.
  void add(std::string_view bytes);
  /// The digest of every piece so far as 64 lower-case hex digits; ends the stream.
  std::string hex();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// `bytes` in Base64 (RFC 4648, with padding, no line breaks).
std::string base64(std::string_view bytes);

}  // namespace firefly
