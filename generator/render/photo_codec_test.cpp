#include "render/photo_codec.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

using firefly::Encoding;
using firefly::ImageFormat;

TEST_CASE("photo codec: the widest size's JPEG, encoded as its memory goes back, is the same") {
  REQUIRE(firefly::start_image_codec());
  // A 1000 x 800 picture (a PPM file: red above, blue below, a gradient across).
  fs::path file =
      fs::temp_directory_path() / ("firefly-codec-" + std::to_string(::getpid()) + ".ppm");
  {
    std::ofstream out(file, std::ios::binary);
    out << "P6\n1000 800\n255\n";
    for (int y = 0; y < 800; ++y) {
      for (int x = 0; x < 1000; ++x) {
        char g = static_cast<char>(x / 4);
        out << (y < 400 ? '\xc8' : '\x28') << g << (y < 400 ? '\x28' : '\xc8');
      }
    }
  }
  std::string error;
  std::optional<firefly::ImageInfo> info = firefly::read_image_info(file.string(), error);
  REQUIRE(info);
  // The 800-wide JPEG alone: encoded from the image in memory as it is.
  auto alone = firefly::encode_photo(file.string(), *info, {{{800, 0}, {{ImageFormat::kJpeg, 80}}}},
                                     error, 2);
  // With the other sizes: encoded last, once nothing else needs the 800-wide image, whose
  // pages are handed back as the encoder reads past them.
  std::vector<firefly::RenderRequest> requests = {
      {{800, 0}, {Encoding{ImageFormat::kWebp, 75}, Encoding{ImageFormat::kJpeg, 80}}},
      {{400, 0}, {Encoding{ImageFormat::kWebp, 75}, Encoding{ImageFormat::kJpeg, 80}}},
      {{320, 180}, {Encoding{ImageFormat::kJpeg, 80}}},
  };
  auto all = firefly::encode_photo(file.string(), *info, requests, error, 2);
  fs::remove(file);
  REQUIRE(alone);
  REQUIRE(all);
  REQUIRE(all->size() == 3);
  CHECK((*all)[0].size() == 2);
  CHECK((*all)[1].size() == 2);
  CHECK((*all)[2].size() == 1);
  REQUIRE((*alone)[0][0].size() > 1000);
  CHECK((*all)[0][1] == (*alone)[0][0]);
  CHECK((*all)[0][0].substr(8, 4) == "WEBP");
  CHECK((*all)[1][1].substr(0, 2) == "\xff\xd8");
}
