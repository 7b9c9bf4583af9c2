#include "render/theme.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("an asset's fingerprint is the start of its SHA-256, as sha256sum prints it") {
  CHECK(fingerprint("") == "e3b0c44298");
  CHECK(fingerprint("body { color: #1a1a1a; }\n") != fingerprint("body { color: #000; }\n"));
  CHECK(fingerprint("abc") == "ba7816bf8f");
}

}  // namespace firefly
