#include "core/sha256.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("sha256: known digests") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256: a stream of pieces gives the digest of the whole") {
  Sha256Stream s;
  s.add("a");
  s.add("");
  s.add("bc");
  CHECK(s.hex() == sha256_hex("abc"));
}

}  // namespace firefly

namespace firefly {

TEST_CASE("base64: the RFC 4648 test vectors") {
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64("foobar") == "Zm9vYmFy");
}

}  // namespace firefly
