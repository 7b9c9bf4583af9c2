// Photos that content shows: which files each one becomes (widths, formats, the card
// crop and the social card), and the <picture> markup that offers them.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "core/value.h"
#include "render/photo_codec.h"

namespace firefly {

/// How photos are published (site.yaml `photos:`).
struct PhotoOptions {
  std::vector<int> widths = {480, 800, 1200, 1600};  ///< never wider than the original
  int webp_quality = 75;
  int jpeg_quality = 80;
  bool avif = false;  ///< also offer AVIF
  int avif_quality = 55;
  long long max_pixels = 100'000'000;  ///< larger originals are refused (decompression bombs)
  int warn_width = 6000;               ///< wider originals get a warning
  long long warn_bytes = 10'000'000;   ///< larger files get a warning
};

/// What the build knows about one original in static/.
struct PhotoSource {
  ImageInfo info;
  std::string hash;  ///< SHA-256 of the file's bytes
  long long bytes = 0;
};

/// Looks at the file at a site path ("/images/a.jpg"): its header and hash, or an error.
using PhotoInspector =
    std::function<bool(const std::string& site_path, PhotoSource& source, std::string& error)>;

/// One published file made from a photo.
struct PhotoFile {
  std::string_view url;  ///< site path: "/images/a-800-1a2b3c4d.webp", in Photo::urls
  Encoding encoding;
};

/// The files of one size of a photo: one per encoding (AVIF, WebP, the JPEG or PNG) and
/// the original published at its own path, held in place (a rebuild of 200 photos plans
/// 2,800 files: no list allocated and freed for each size).
class PhotoFiles {
 public:
  static constexpr size_t kMax = 4;
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const PhotoFile& operator[](size_t i) const { return files_[i]; }
  const PhotoFile& back() const { return files_[n_ - 1]; }
  const PhotoFile* begin() const { return files_.data(); }
  const PhotoFile* end() const { return files_.data() + n_; }
  /// Throws std::out_of_range past kMax files (a plan never makes more).
  void push_back(const PhotoFile& file) {
    files_.at(n_) = file;
    ++n_;
  }

 private:
  std::array<PhotoFile, kMax> files_{};
  size_t n_ = 0;
};

/// One decode of a photo (a size) and the files encoded from it.
struct PhotoRender {
  TargetSize size;
  int width = 0, height = 0;  ///< the size of the files made
  PhotoFiles files;
  /// `width` in decimal, written by the plan once for every srcset that offers it (empty
  /// for the social card, which none offers).
  std::array<char, 11> width_text{};
  unsigned char width_size = 0;
  std::string_view width_digits() const { return {width_text.data(), width_size}; }
};

/// A template value made from a photo by the first page that shows it, for the others
/// that show it too (thread-safe): a photo's story page and its card show the same social
/// card. Kept for one maker (a context builder's serial); a copy of the photo starts empty.
class PhotoValue {
 public:
  PhotoValue() = default;
  PhotoValue(const PhotoValue&) {}
  PhotoValue& operator=(const PhotoValue&) {
    delete made_.exchange(nullptr);
    return *this;
  }
  ~PhotoValue() { delete made_.load(std::memory_order_relaxed); }

  /// The value `make()` gave when first asked by `maker`; made again for any other maker.
  template <class Make>
  Value get(std::uint64_t maker, Make&& make) const {
    const Made* made = made_.load(std::memory_order_acquire);
    if (made) return made->maker == maker ? made->value : make();
    auto* fresh = new Made{maker, make()};
    if (made_.compare_exchange_strong(made, fresh, std::memory_order_acq_rel)) return fresh->value;
    Value value = std::move(fresh->value);  // another thread's came first
    delete fresh;
    return made->maker == maker ? made->value : value;
  }

 private:
  struct Made {
    std::uint64_t maker;
    Value value;
  };
  mutable std::atomic<const Made*> made_{nullptr};
};

/// A photo content uses and everything made from it.
struct Photo {
  std::string site_path;  ///< "/images/a.jpg"
  PhotoSource source;
  std::vector<PhotoRender> renders;  ///< widths in order, then the card crop, then og:image
  /// The text of every file's URL (one allocation a photo, shared by copies of it).
  std::shared_ptr<const std::string> urls;
  size_t card = 0, social = 0;  ///< indexes into renders
  std::string first_user;       ///< the first page (by path) that uses it
  Pos first_pos;
  PhotoValue og_image;  ///< its `og_image` {url, width, height} (render/context.cpp)
};

/// The photos of one build, registered as pages are rendered (thread-safe).
class PhotoSet {
 public:
  PhotoSet(PhotoOptions options, PhotoInspector inspect);

  /// Whether a site path names a raster image this set processes (.jpg, .png, ...).
  static bool is_photo_path(const std::string& site_path);
  /// The photo at `site_path`, used by `page` at `pos`; nullptr after reporting why it
  /// cannot be published.
  const Photo* use(const std::string& site_path, const std::string& page, Pos pos,
                   Diagnostics& diags);
  /// The photo at `site_path` when a use() registered it without errors, else nullptr.
  const Photo* find(const std::string& site_path) const;
  /// Registers a file of static/ that is published at its own path, stripped of its
  /// metadata and at most as wide as the widest width; `use()` must come first. A file
  /// that cannot be read is an error naming it.
  void original(const std::string& site_path, Diagnostics& diags);
  /// Looks at the file at `site_path` (its stamp in the cache's index, or its header and
  /// hash) and plans its files as content uses a photo, ahead of the use() that registers
  /// it (which takes the plan over) or the original() (which plans the original alone):
  /// a build looks at static/'s photos on a thread of its own while the theme and the
  /// content load, off the serial steps. It registers nothing and reports nothing.
  void inspect_ahead(const std::string& site_path);
  /// Every photo used, sorted by site path.
  std::vector<const Photo*> photos() const;
  /// How many photos photos() lists (without listing and sorting them).
  size_t count() const;
  const PhotoOptions& options() const { return options_; }
  /// A fingerprint of what this set plans from a source: the options and the files the
  /// plan makes (URLs, sizes, encodings, which is the card and the social card) for sample
  /// sources of every shape it treats apart (wide, tall, small, narrow, with alpha, each
  /// format; used by content and only published from static/). With each photo's site
  /// path, source hash and header, it stands for every file of the set: a change to the
  /// options or to the plan changes it.
  std::uint64_t plan_digest() const { return plan_digest_; }

 private:
  struct Entry;
  PhotoOptions options_;
  PhotoInspector inspect_;
  mutable std::mutex mu_;
  /// By site path, hashed: a page and a card ask for each photo (a rebuild of 200 photos:
  /// about 800 lookups of paths alike in their first letters); photos() sorts. Those
  /// inspected ahead too, registered by use() or original() when they come (one table:
  /// a photo's use finds its entry without moving it from another).
  std::unordered_map<std::string, std::shared_ptr<Entry>> entries_;
  std::uint64_t plan_digest_ = 0;
  /// inspect() once per entry, whoever asks first (inspect_ahead, use or original), and
  /// with `plan_ahead` the plan of a photo content uses.
  bool inspect_once(Entry& entry, const std::string& site_path, bool plan_ahead = false);
  bool inspect(Entry& entry, const std::string& site_path);
  void plan(Photo& photo) const;
  void plan_original(Photo& photo) const;
};

/// Where a photo sits, for its markup.
enum class PhotoPlace { kLead, kBody, kCard };

/// The <picture> element showing `photo` with `alt` (already HTML-escaped), for `place`.
std::string picture_html(const Photo& photo, const std::string& alt_html, PhotoPlace place);

/// The absolute-path URL of the 1200x630 social card image of `photo`.
std::string_view social_image_url(const Photo& photo);

}  // namespace firefly
