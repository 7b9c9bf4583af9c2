#include "render/zip_writer.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace firefly {

namespace {

/// One local file header of a zip archive: the entry's name, method and deflate option.
struct LocalHeader {
  std::string name;
  int method = -1;          ///< 0 stored, 8 deflated
  int deflate_option = -1;  ///< general purpose bits 1-2: 0 normal, 1 maximum
  std::uint32_t compressed = 0;
  unsigned dos_date = 0;  ///< (year - 1980) << 9 | month << 5 | day
};

unsigned le(const std::string& z, size_t at, int bytes) {
  unsigned v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(z.at(at + i));
  return v;
}

/// The local headers of `zip`, in file order (entries are written with their sizes known,
/// so the headers follow one another).
std::vector<LocalHeader> local_headers(const std::string& zip) {
  std::vector<LocalHeader> out;
  size_t at = 0;
  while (at + 30 <= zip.size() && le(zip, at, 4) == 0x04034b50u) {
    LocalHeader h;
    h.deflate_option = static_cast<int>(le(zip, at + 6, 2) >> 1 & 3);
    h.method = static_cast<int>(le(zip, at + 8, 2));
    h.dos_date = le(zip, at + 12, 2);
    h.compressed = le(zip, at + 18, 4);
    size_t name_len = le(zip, at + 26, 2), extra_len = le(zip, at + 28, 2);
    h.name = zip.substr(at + 30, name_len);
    at += 30 + name_len + extra_len + h.compressed;
    out.push_back(h);
  }
  return out;
}

}  // namespace

TEST_CASE("zip: small entries deflated at the maximum level, large ones at the normal level") {
  std::string small(1000, 'a');
  std::string large;
  for (int i = 0; large.size() < (1u << 20); ++i) large += std::to_string(i) + ",42\n";
  std::string zip = make_zip(
      {{"mimetype", "application/x", "", {}, true}, {"small.txt", small}, {"large.csv", large}},
      ZipOrder::kAsGiven);
  std::vector<LocalHeader> h = local_headers(zip);
  REQUIRE(h.size() == 3);
  CHECK(h[0].name == "mimetype");
  CHECK(h[0].method == 0);
  CHECK(h[1].name == "small.txt");
  CHECK(h[1].method == 8);
  CHECK(h[1].deflate_option == 1);
  CHECK(h[2].name == "large.csv");
  CHECK(h[2].method == 8);
  CHECK(h[2].deflate_option == 0);
  CHECK(h[2].compressed < large.size() / 3);
}

TEST_CASE("zip: an entry with no date is dated 1980-01-01, the zip epoch, not an invented day") {
  std::vector<LocalHeader> h =
      local_headers(make_zip({{"a.csv", "x"}, {"b.csv", "y", "", Date{2023, 6, 30}}}));
  REQUIRE(h.size() == 2);
  CHECK(h[0].dos_date == (0u << 9 | 1u << 5 | 1u));  // was 2000-01-01
  CHECK(h[1].dos_date == (43u << 9 | 6u << 5 | 30u));
}

}  // namespace firefly
