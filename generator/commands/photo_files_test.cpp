#include "commands/photo_files.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("a site path is normal when no name in it is empty, . or ..") {
  for (const char* normal :
       {"/a.jpg", "/images/a.jpg", "/a/b/c.png", "/.a/b..c/d.jpg", "/...", "/images/a./b.jpg"}) {
    CHECK_MESSAGE(is_normal_site_path(normal), normal);
  }
  for (const char* other :
       {"", "/", "a.jpg", "//a.jpg", "/images//a.jpg", "/images/./a.jpg", "/images/../a.jpg",
        "/./a.jpg", "/../a.jpg", "/images/.", "/images/..", "/images/", "/images/a.jpg/"}) {
    CHECK_MESSAGE(!is_normal_site_path(other), other);
  }
}

}  // namespace firefly
