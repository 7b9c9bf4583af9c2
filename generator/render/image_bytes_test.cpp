#include "render/image_bytes.h"

#include <doctest/doctest.h>

namespace firefly {

namespace {

using namespace std::string_literals;

// A 1x1 GIF89a with a two-colour table, built from its blocks.
const std::string kHeader = "GIF89a\x01\x00\x01\x00\x80\x00\x00"s + "\x00\x00\x00\xff\xff\xff"s;
const std::string kLoop = "\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"s;
const std::string kFrame = "\x21\xf9\x04\x00\x0a\x00\x00\x00"s;  // timing of the frame
const std::string kPicture = "\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00"s;
const std::string kComment = "\x21\xfe\x0cHome address\x00"s;
// XMP as an application block: a GPS position, split over two sub-blocks.
const std::string kXmp =
    "\x21\xff\x0bXMP DataXMP\x10<exif:GPSLatitud\x04"
    "e=2>\x00"s;

}  // namespace

TEST_CASE("sniff_photo_format names the photo formats by their first bytes") {
  CHECK(sniff_photo_format("\xFF\xD8\xFF\xE1\x00\x10"
                           "Exif") == "jpeg");
  CHECK(sniff_photo_format("\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s) == "png");
  CHECK(sniff_photo_format("RIFF\x10\0\0\0WEBPVP8 "s) == "webp");
  CHECK(sniff_photo_format("II*\0\x08\0\0\0"s) == "tiff");
  CHECK(sniff_photo_format("MM\0*\0\0\0\x08"s) == "tiff");
  CHECK(sniff_photo_format("\0\0\0\x18"
                           "ftypheic\0\0\0\0"s) == "heif");
  CHECK(sniff_photo_format("\0\0\0\x1c"
                           "ftypavif\0\0\0\0"s) == "heif");
  CHECK(sniff_photo_format("\0\0\0\x18"
                           "ftypmp42\0\0\0\0"s) == "");  // a video
  CHECK(sniff_photo_format(kHeader) == "");              // GIF is not one
  CHECK(sniff_photo_format("<svg xmlns=") == "");
  CHECK(sniff_photo_format("\xFF\xD8") == "");  // too short to tell
  CHECK(sniff_photo_format("") == "");
}

TEST_CASE("strip_gif_metadata removes comments and XMP, keeps the picture and its animation") {
  std::string out;
  const std::string clean = kHeader + kLoop + kFrame + kPicture + kFrame + kPicture + ";";
  CHECK(strip_gif_metadata(clean, out) == GifStrip::kClean);
  CHECK(out.empty());

  const std::string hidden =
      kHeader + kComment + kLoop + kXmp + kFrame + kPicture + kComment + kFrame + kPicture + ";";
  REQUIRE(strip_gif_metadata(hidden, out) == GifStrip::kStripped);
  CHECK(out == clean);
  CHECK(out.find("Home address") == std::string::npos);
  CHECK(out.find("GPS") == std::string::npos);

  SUBCASE("bytes after the end block are removed") {
    REQUIRE(strip_gif_metadata(clean + "GPS 25.03N", out) == GifStrip::kStripped);
    CHECK(out == clean);
  }
  SUBCASE("GIF87a without a colour table") {
    std::string old = "GIF87a\x01\x00\x01\x00\x00\x00\x00"s + kComment +
                      "\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;"s;
    REQUIRE(strip_gif_metadata(old, out) == GifStrip::kStripped);
    CHECK(out == "GIF87a\x01\x00\x01\x00\x00\x00\x00"s +
                     "\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;"s);
  }
}

TEST_CASE("strip_gif_metadata calls a GIF with a block cut off malformed") {
  std::string out;
  const std::string whole = kHeader + kComment + kFrame + kPicture + ";";
  const size_t comment = kHeader.size(), frame = comment + kComment.size(),
               picture = frame + kFrame.size();
  for (size_t n : {size_t{0}, size_t{5}, size_t{12}, comment - 1, comment + 1, frame - 1,
                   picture - 1, picture + 5, whole.size() - 2}) {
    CAPTURE(n);
    CHECK(strip_gif_metadata(whole.substr(0, n), out) == GifStrip::kMalformed);
  }
  CHECK(strip_gif_metadata(kHeader + "\x99;"s, out) == GifStrip::kMalformed);  // no such block
  CHECK(strip_gif_metadata("GIF90a" + kHeader.substr(6) + ";", out) == GifStrip::kMalformed);
  CHECK(out.empty());
  // Cut after a whole block, as browsers show it: read, without an end block added.
  REQUIRE(strip_gif_metadata(whole.substr(0, whole.size() - 1), out) == GifStrip::kStripped);
  CHECK(out == kHeader + kFrame + kPicture);
}

}  // namespace firefly
