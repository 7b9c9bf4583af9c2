// Bytes kept deflated in memory: the preview holds every file of a build, and HTML,
// JSON and XML shrink several times (the only place that includes zlib).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace firefly {

/// `bytes` deflated (zlib, its fastest level), with `dictionary` as text seen before them
/// when it is not empty; "" when that would not save a tenth.
std::string pack_bytes(std::string_view bytes, std::string_view dictionary = {});

/// The `size` bytes that pack_bytes deflated into `packed` (with the same `dictionary`).
std::string unpack_bytes(std::string_view packed, size_t size, std::string_view dictionary = {});

/// Texts to deflate files against, one per kind of file: the pages of one folder of a site
/// (its stories, or the pages of one list) share their whole frame (head, menus, footer)
/// and most of their markup, so each is deflated against the first such page. At 10,000
/// stories that halves what the preview holds (level 1: 13.1 -> 6.3 MB for 3,000 files).
class PackDictionaries {
 public:
  /// The text to deflate `bytes`, kept at `path`, against: that of the first file of its
  /// kind (its extension and its folder's folder), which is this one's when it is the first.
  /// Null for a file too small to be worth one.
  std::shared_ptr<const std::string> choose(std::string_view path, std::string_view bytes);

 private:
  std::unordered_map<std::string, std::shared_ptr<const std::string>> by_kind_;
};

}  // namespace firefly
