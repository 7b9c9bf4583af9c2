#include "commands/photo_files.h"

#include <algorithm>
#include <atomic>
#include <memory>

#include "core/fs.h"
#include "core/parallel.h"
#include "core/sha256.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

/// Changes whenever the way files are made changes, so old cache entries are not reused.
constexpr const char* kRecipe = "firefly-photos-1";

/// The cache key of `file` made from `photo` at `size`.
std::string cache_key(const Photo& photo, TargetSize size, const Encoding& e) {
  std::string params = std::string(kRecipe) + "|" + photo.source.hash + "|" +
                       std::to_string(size.width) + "x" + std::to_string(size.height) + "|" +
                       image_extension(e.format) + "|" + std::to_string(e.quality);
  return sha256_hex(params).substr(0, 40);
}

}  // namespace

PhotoInspector make_photo_inspector(const fs::path& site_dir, PhotoCache& cache) {
  return [site_dir, &cache](const std::string& site_path, PhotoSource& source, std::string& error) {
    fs::path full = site_dir / "static" / site_path.substr(1);
    if (std::optional<PhotoSource> known = cache.known(full)) {
      source = *known;
      return true;
    }
    std::optional<std::string> bytes = read_file(full);
    if (!bytes) {
      error = "cannot be read";
      return false;
    }
    std::optional<ImageInfo> info = read_image_info(full.string(), error);
    if (!info) return false;
    source.info = *info;
    source.hash = sha256_hex(*bytes);
    source.bytes = static_cast<long long>(bytes->size());
    cache.remember(full, source);
    return true;
  };
}

void publish_photos(const PhotoSet& photos, const fs::path& site_dir, PhotoCache& cache, int jobs,
                    const OutputSink& sink, Diagnostics& diags) {
  struct Job {
    const Photo* photo;
    const PhotoRender* render;
    std::shared_ptr<std::atomic<bool>> failed;
  };
  std::vector<Job> work;
  for (const Photo* p : photos.photos()) {
    auto failed = std::make_shared<std::atomic<bool>>(false);
    for (const PhotoRender& r : p->renders) work.push_back({p, &r, failed});
  }
  // Larger sizes first, so the slowest encodes do not start last.
  std::stable_sort(work.begin(), work.end(), [](const Job& a, const Job& b) {
    return a.render->width * a.render->height > b.render->width * b.render->height;
  });
  parallel_for(work.size(), jobs, [&](size_t i) {
    const Job& job = work[i];
    const Photo& photo = *job.photo;
    const PhotoRender& render = *job.render;
    // One encode per distinct key: the original at its own path is often the largest
    // fallback's bytes.
    std::vector<std::string> keys;
    std::vector<fs::path> paths(render.files.size());
    std::vector<Encoding> missing;
    std::vector<std::string> missing_keys;
    for (const PhotoFile& file : render.files) {
      const Encoding& e = file.encoding;
      keys.push_back(cache_key(photo, render.size, e));
      bool planned =
          std::find(missing_keys.begin(), missing_keys.end(), keys.back()) != missing_keys.end();
      if (!planned && !cache.find(keys.back(), image_extension(e.format))) {
        missing.push_back(e);
        missing_keys.push_back(keys.back());
      }
    }
    if (!missing.empty()) {
      std::string error;
      fs::path full = site_dir / "static" / photo.site_path.substr(1);
      auto encoded = encode_image(full.string(), render.size, missing, error);
      if (!encoded) {
        if (!job.failed->exchange(true)) {
          diags.error(photo.first_user, photo.first_pos,
                      "the image " + photo.site_path + " (static" + photo.site_path + ") " + error,
                      "replace the file with a JPEG or PNG exported again from the original");
        }
        return;
      }
      for (size_t m = 0; m < missing.size(); ++m) {
        if (!cache.store(missing_keys[m], image_extension(missing[m].format), (*encoded)[m])) {
          diags.error(photo.first_user, photo.first_pos,
                      "the processed image cannot be written into " +
                          PhotoCache::folder_of(site_dir).string(),
                      "check the free disk space and the folder's permissions");
          return;
        }
      }
    }
    for (size_t f = 0; f < render.files.size(); ++f) {
      paths[f] = cache.path_of(keys[f], image_extension(render.files[f].encoding.format));
    }
    for (size_t f = 0; f < render.files.size(); ++f) {
      sink(OutputFile{render.files[f].url.substr(1), "", paths[f].string()});
    }
  });
}

void warn_photo_locations(const PhotoSet& photos, Diagnostics& diags) {
  for (const Photo* p : photos.photos()) {
    if (!p->source.info.gps) continue;
    diags.warning("static" + p->site_path, {},
                  "this photo carries the GPS position where it was taken; Firefly removes it "
                  "from every published copy",
                  "the position stays in the repository's history: turn off location in the "
                  "camera app for photos of people's homes");
  }
}

}  // namespace firefly
