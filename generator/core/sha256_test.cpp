#include "core/sha256.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>

namespace firefly {

TEST_CASE("sha256: known digests") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256: digests one after another on one thread, and on others, are each right") {
  // The context is reused per thread: nothing of one digest may carry into the next.
  std::string long_text(1000, 'x');
  std::string first = sha256_hex(long_text);
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex(long_text) == first);
  std::string other;
  std::thread([&] { other = sha256_hex("abc"); }).join();
  CHECK(other == sha256_hex("abc"));
}

TEST_CASE("sha256: a stream of pieces gives the digest of the whole") {
  Sha256Stream s;
  s.add("a");
  s.add("");
  s.add("bc");
  CHECK(s.hex() == sha256_hex("abc"));
}

TEST_CASE("sha256: a copied stream goes on on its own from the common prefix") {
  Sha256Stream prefix;
  prefix.add(std::string(70, 'p'));  // more than one 64-byte block
  Sha256Stream a(prefix);
  Sha256Stream b(prefix);
  a.add("a");
  b.add("bc");
  CHECK(a.hex() == sha256_hex(std::string(70, 'p') + "a"));
  CHECK(b.hex() == sha256_hex(std::string(70, 'p') + "bc"));
  prefix.add("z");
  CHECK(prefix.hex() == sha256_hex(std::string(70, 'p') + "z"));
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
