#include "render/photos.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>
#include <tuple>

#include "core/hash.h"
#include "core/text.h"

namespace firefly {

namespace {

/// The extension of `path`'s last name, as written ("" without one).
std::string_view extension_of(std::string_view path) {
  // One pass from the end to the last dot, or to a slash before it (every photo is asked
  // three times a rebuild: two searches of the whole path were 135 instructions).
  for (size_t i = path.size(); i-- > 0;) {
    if (path[i] == '.') return path.substr(i + 1);
    if (path[i] == '/') break;
  }
  return {};
}

std::string lower_extension(const std::string& path) {
  std::string ext(extension_of(path));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

/// The format a file's extension promises ("jpg" -> "jpeg").
std::string format_of_extension(const std::string& ext) {
  if (ext == "jpg" || ext == "jpeg" || ext == "jpe" || ext == "jfif" || ext == "jfi" ||
      ext == "jif") {
    return "jpeg";
  }
  if (ext == "tif" || ext == "tiff") return "tiff";
  if (ext == "heic" || ext == "heif" || ext == "avif") return "heif";
  return ext;
}

}  // namespace

struct PhotoSet::Entry {
  std::once_flag once;       ///< inspected and planned
  std::once_flag inspected;  ///< inspected (ahead of the plan, or with it)
  bool ok = false;
  /// Planned ahead (inspect_ahead) as content uses a photo (plan and plan_original): use()
  /// takes the plan over, original() plans the original alone instead.
  bool planned_ahead = false;
  /// Registered by use() or original() (guarded by the set's lock): inspected ahead only,
  /// it is not one of the set's photos.
  bool registered = false;
  std::string error;
  std::string hint = "replace the file with a JPEG or PNG exported again from the original";
  Photo photo;
};

PhotoSet::PhotoSet(PhotoOptions options, PhotoInspector inspect)
    : options_(std::move(options)), inspect_(std::move(inspect)) {
  // Sources of each shape plan() and plan_original() treat apart: every width kept or
  // not, the original's width added, the card crop with or without its small size and
  // limited by the height, the fallback in PNG, formats published as originals or not.
  struct Sample {
    const char* path;
    const char* format;
    int width, height;
    bool alpha;
  };
  static constexpr Sample kSamples[] = {
      {"/a/wide.jpg", "jpeg", 4032, 3024, false},  {"/a/tall.JPEG", "jpeg", 3024, 4032, false},
      {"/a/band.jpg", "jpeg", 5000, 200, false},   {"/a/edge.jpg", "jpeg", 1600, 900, false},
      {"/a/mid.png", "png", 1000, 700, true},      {"/a/flat.png", "png", 1000, 700, false},
      {"/a/tiny.webp", "webp", 300, 200, false},   {"/a/scan.tif", "tiff", 2000, 3000, false},
      {"/a/phone.heic", "heif", 4032, 3024, false}};
  Hasher h;
  h.add(options_.widths.size());
  for (int w : options_.widths) h.add(static_cast<std::uint64_t>(w));
  for (long long n :
       {static_cast<long long>(options_.webp_quality),
        static_cast<long long>(options_.jpeg_quality), static_cast<long long>(options_.avif),
        static_cast<long long>(options_.avif_quality)}) {
    h.add(static_cast<std::uint64_t>(n));
  }
  for (const Sample& s : kSamples) {
    for (bool used : {true, false}) {
      Photo p;
      p.site_path = s.path;
      p.source.hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
      p.source.info = {s.format, s.width, s.height, s.alpha, false, false};
      if (used) plan(p);
      plan_original(p);
      h.add(p.renders.size()).add(p.card).add(p.social);
      for (const PhotoRender& r : p.renders) {
        h.add(static_cast<std::uint64_t>(r.size.width) << 32 |
              static_cast<std::uint32_t>(r.size.height));
        h.add(static_cast<std::uint64_t>(r.width) << 32 | static_cast<std::uint32_t>(r.height));
        h.add(r.width_digits()).add(r.files.size());
        for (const PhotoFile& f : r.files) {
          h.add(f.url).add(static_cast<std::uint64_t>(f.encoding.format) << 32 |
                           static_cast<std::uint32_t>(f.encoding.quality));
        }
      }
    }
  }
  plan_digest_ = h.get();
}

bool PhotoSet::is_photo_path(const std::string& site_path) {
  static constexpr std::string_view kExtensions[] = {"jpg",  "jpeg", "jpe",  "jfif", "jfi",
                                                     "jif",  "png",  "webp", "tif",  "tiff",
                                                     "heic", "heif", "avif"};
  // Compared in lower case without making a string (every file of static/ is asked twice).
  std::string_view ext = extension_of(site_path);
  char lower[4];
  if (ext.size() < 3 || ext.size() > sizeof lower) return false;
  for (size_t i = 0; i < ext.size(); ++i) {
    lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(ext[i])));
  }
  std::string_view key(lower, ext.size());
  return std::find(std::begin(kExtensions), std::end(kExtensions), key) != std::end(kExtensions);
}

const Photo* PhotoSet::use(const std::string& site_path, const std::string& page, Pos pos,
                           Diagnostics& diags) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard lock(mu_);
    auto& slot = entries_[site_path];
    if (!slot) slot = std::make_shared<Entry>();
    slot->registered = true;
    entry = slot;
    Photo& p = entry->photo;
    if (p.first_user.empty() || std::tie(page, pos.line, pos.col) <
                                    std::tie(p.first_user, p.first_pos.line, p.first_pos.col)) {
      p.first_user = page;
      p.first_pos = pos;
    }
  }
  std::call_once(entry->once, [&] {
    if (inspect_once(*entry, site_path) && !entry->planned_ahead) {
      plan(entry->photo);
      plan_original(entry->photo);
    }
  });
  if (!entry->ok) {
    diags.error(page, pos, "the image " + site_path + " (static" + site_path + ") " + entry->error,
                entry->hint);
    return nullptr;
  }
  const Photo& p = entry->photo;
  if (p.source.info.width > options_.warn_width) {
    diags.warning(page, pos,
                  "the image " + site_path + " is " + std::to_string(p.source.info.width) +
                      " pixels wide; readers never need more than " +
                      std::to_string(options_.widths.back()),
                  "export it smaller (2000 pixels wide is plenty)");
  }
  if (p.source.bytes > options_.warn_bytes) {
    diags.warning(
        page, pos,
        "the image " + site_path + " is " + std::to_string(p.source.bytes / 1'000'000) + " MB",
        "export it smaller; Firefly publishes small copies anyway, but the "
        "repository keeps every version");
  }
  return &p;
}

void PhotoSet::inspect_ahead(const std::string& site_path) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard lock(mu_);
    auto& slot = entries_[site_path];
    if (!slot) slot = std::make_shared<Entry>();
    entry = slot;
  }
  inspect_once(*entry, site_path, true);
}

bool PhotoSet::inspect_once(Entry& entry, const std::string& site_path, bool plan_ahead) {
  std::call_once(entry.inspected, [&] {
    if (inspect(entry, site_path) && plan_ahead) {
      plan(entry.photo);
      plan_original(entry.photo);
      entry.planned_ahead = true;
    }
  });
  return entry.ok;
}

bool PhotoSet::inspect(Entry& entry, const std::string& site_path) {
  Photo& p = entry.photo;
  p.site_path = site_path;
  std::string reason;
  if (!inspect_(site_path, p.source, reason)) {
    entry.error = reason;
    if (!image_codec_problem().empty()) {
      entry.hint = "install Firefly again: its photo module, " + std::string(kPhotoModuleName) +
                   ", belongs beside the program or in ../libexec/firefly/ from it";
    }
    return false;
  }
  const ImageInfo& info = p.source.info;
  std::string ext = lower_extension(site_path);
  if (info.format != format_of_extension(ext)) {
    entry.error = (ext.empty() ? std::string("has no file extension") : "is named ." + ext) +
                  " but its content is " + info.format;
    static const std::map<std::string, std::string> kUsual = {
        {"jpeg", ".jpg"}, {"png", ".png"}, {"webp", ".webp"}, {"tiff", ".tif"}, {"heif", ".heic"}};
    if (auto usual = kUsual.find(info.format); usual != kUsual.end()) {
      entry.hint = "rename the file to end in " + usual->second;
    }
  } else if (static_cast<long long>(info.width) * info.height > options_.max_pixels) {
    entry.error = "is " + std::to_string(info.width) + "x" + std::to_string(info.height) +
                  " pixels, more than the " + std::to_string(options_.max_pixels / 1'000'000) +
                  " megapixels Firefly decodes";
  } else {
    entry.ok = true;
  }
  return entry.ok;
}

const Photo* PhotoSet::find(const std::string& site_path) const {
  std::lock_guard lock(mu_);
  auto it = entries_.find(site_path);
  return it != entries_.end() && it->second->registered && it->second->ok &&
                 it->second->photo.social > 0
             ? &it->second->photo
             : nullptr;
}

void PhotoSet::original(const std::string& site_path, Diagnostics& diags) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard lock(mu_);
    auto& slot = entries_[site_path];
    if (slot && slot->registered) return;         // used by content: planned with its variants
    if (!slot) slot = std::make_shared<Entry>();  // else inspected ahead
    slot->registered = true;
    entry = slot;
    entry->photo.first_user = "static" + site_path;
  }
  std::call_once(entry->once, [&] {
    if (!inspect_once(*entry, site_path)) return;
    if (entry->planned_ahead) {  // as content uses it, which none does: planned again
      Photo& p = entry->photo;
      p.renders.clear();
      p.urls.reset();
      p.card = p.social = 0;
    }
    plan_original(entry->photo);
  });
  if (!entry->ok) {
    diags.error("static" + site_path, {}, "the image " + site_path + " " + entry->error,
                entry->hint);
  }
}

size_t PhotoSet::count() const {
  std::lock_guard lock(mu_);
  return static_cast<size_t>(std::count_if(entries_.begin(), entries_.end(), [](const auto& e) {
    return e.second->registered && e.second->ok;
  }));
}

std::vector<const Photo*> PhotoSet::photos() const {
  std::lock_guard lock(mu_);
  std::vector<const Photo*> out;
  out.reserve(entries_.size());  // grown one by one: nine copies for 200 photos
  for (const auto& [path, e] : entries_) {
    if (e->registered && e->ok) out.push_back(&e->photo);
  }
  std::sort(out.begin(), out.end(),
            [](const Photo* a, const Photo* b) { return a->site_path < b->site_path; });
  return out;
}

}  // namespace firefly
