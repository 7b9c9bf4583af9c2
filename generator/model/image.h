// An image named in front matter: a field of type `image`, alone or inside lists and
// objects (`cover`, `images[2]`, `people[0].photo`).
#pragma once

#include <string>

#include "core/error.h"

namespace firefly {

/// One image-typed value of a page's front matter, typed.
struct Image {
  std::string field;    ///< where it sits: "cover", "images[2]", "people[0].photo"
  std::string src;      ///< as written: "/images/roses.jpg"
  std::string alt;      ///< "" only for a decorative image (alt: "")
  std::string caption;  ///< may be empty
  Pos pos;              ///< where src is written
};

}  // namespace firefly
