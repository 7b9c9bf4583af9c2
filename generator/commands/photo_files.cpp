#include "commands/photo_files.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

#include "core/allocator.h"
#include "core/fs.h"
#include "core/hash.h"
#include "core/parallel.h"
#include "core/sha256.h"
#include "core/text.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

/// Changes whenever the way files are made changes, so old cache entries are not reused.
constexpr const char* kRecipe = "firefly-photos-5";

/// The cache keys of a photo's files: the SHA-256 of the recipe, the source's hash and the
/// parameters. Keys worked out by an earlier build come from the cache's index (a rebuild
/// hashes nothing); the part common to every file of the photo (more than one of SHA-256's
/// 64-byte blocks) is hashed once.
class CacheKeys {
 public:
  CacheKeys(const Photo& photo, PhotoCache& cache)
      : cache_(cache),
        prefix_text_(std::string(kRecipe).append("|").append(photo.source.hash).append("|")) {
    known_ = cache_.keys(prefix_text_);
  }
  /// Hands the keys worked out here to the cache's index.
  ~CacheKeys() {
    if (added_) cache_.remember_keys(prefix_text_, std::move(known_));
  }
  CacheKeys(const CacheKeys&) = delete;
  CacheKeys& operator=(const CacheKeys&) = delete;

  /// The key of the file encoded as `e` at `size`.
  std::string key(TargetSize size, const Encoding& e) {
    // "1600x0|webp|75", made without allocating (a warm rebuild asks for 14 a photo); three
    // numbers and an extension always fit
    char text[64];
    char* const end = text + sizeof text;
    char* at = text;
    auto number = [&](int n) { at = std::to_chars(at, end, n).ptr; };
    auto put = [&](std::string_view s) {
      size_t n = std::min(s.size(), static_cast<size_t>(end - at));
      at = std::copy_n(s.data(), n, at);
    };
    number(size.width);
    put("x");
    number(size.height);
    put("|");
    put(image_extension(e.format));
    put("|");
    number(e.quality);
    std::string_view params(text, static_cast<size_t>(at - text));
    if (std::optional<std::string_view> k = find(params)) return std::string(*k);
    if (!prefix_) {
      prefix_.emplace();
      prefix_->add(prefix_text_);
    }
    Sha256Stream sha(*prefix_);
    sha.add(params);
    std::string key = sha.hex().substr(0, 40);
    if (!known_.empty()) known_ += ',';
    known_.append(params).append("=").append(key);
    added_ = true;
    return key;
  }

 private:
  PhotoCache& cache_;
  std::string prefix_text_;
  std::string known_;  ///< "parameters=key,..."
  size_t next_ = 0;    ///< where the item after the last one found starts
  bool added_ = false;
  std::optional<Sha256Stream> prefix_;

  /// The remembered key for `params`. Keys are asked for in the order they were worked
  /// out: the search starts after the last one found.
  std::optional<std::string_view> find(std::string_view params) {
    std::string_view list = known_;
    for (size_t n = 0, at = std::min(next_, list.size()); n <= list.size(); ++n) {
      size_t comma = std::min(list.find(',', at), list.size());
      std::string_view item = list.substr(at, comma - at);
      at = comma + 1;
      if (at > list.size()) at = 0;  // round to the start
      if (item.size() > params.size() && item[params.size()] == '=' &&
          item.substr(0, params.size()) == params) {
        next_ = at;
        return item.substr(params.size() + 1);
      }
      if (at == std::min(next_, list.size())) break;  // every item looked at
    }
    return std::nullopt;
  }
};

/// The SHA-256 of the file at `path` and its size, read a piece at a time (a phone photo
/// is 3-10 MB; two read whole at once were a third of a photo build's peak memory).
std::optional<std::pair<std::string, long long>> hash_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  Sha256Stream sha;
  std::string piece(256 * 1024, '\0');
  long long total = 0;
  while (in) {
    in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    sha.add(std::string_view(piece.data(), static_cast<size_t>(got)));
    total += got;
  }
  if (in.bad()) return std::nullopt;
  return std::make_pair(sha.hex(), total);
}

}  // namespace

bool is_normal_site_path(std::string_view site_path) {
  // One pass: every photo of a rebuild is asked (nine searches of the text were 0.4 K
  // instructions).
  if (site_path.size() < 2 || site_path[0] != '/') return false;
  size_t start = 1;
  for (size_t i = 1; i <= site_path.size(); ++i) {
    if (i < site_path.size() && site_path[i] != '/') continue;
    std::string_view name = site_path.substr(start, i - start);
    if (name.empty() || name == "." || name == "..") return false;
    start = i + 1;
  }
  return true;
}

PhotoInspector make_photo_inspector(const fs::path& site_dir, PhotoCache& cache) {
  // The index knows originals by absolute path: the folder is made absolute once, not per
  // photo (a getcwd each).
  // A site path with no `.`, `..` or empty segment is appended to the normalised folder
  // as it is: the same text as normalising the whole, without building paths.
  fs::path static_dir = fs::absolute(site_dir / "static");
  std::string static_text = static_dir.lexically_normal().string();
  return [static_dir, static_text, &cache](const std::string& site_path, PhotoSource& source,
                                           std::string& error) {
    bool plain = static_text.back() != '/' && is_normal_site_path(site_path);
    std::string full = plain ? static_text + site_path
                             : (static_dir / site_path.substr(1)).lexically_normal().string();
    SourceStamp stamp;
    if (std::optional<PhotoSource> known = cache.known(full, &stamp)) {
      source = std::move(*known);
      return true;
    }
    std::optional<std::pair<std::string, long long>> hash = hash_file(full);
    if (!hash) {
      error = "cannot be read";
      return false;
    }
    std::optional<ImageInfo> info = read_image_info(full, error);
    if (!info) return false;
    source.info = *info;
    source.hash = std::move(hash->first);
    source.bytes = hash->second;
    cache.remember(full, stamp, source);
    return true;
  };
}

namespace {

/// The cache keys of every file of `photo`, by render.
std::vector<std::vector<std::string>> keys_of(const Photo& photo, PhotoCache& cache) {
  std::vector<std::vector<std::string>> keys(photo.renders.size());
  CacheKeys cache_keys(photo, cache);
  for (size_t r = 0; r < photo.renders.size(); ++r) {
    for (const PhotoFile& file : photo.renders[r].files) {
      keys[r].push_back(cache_keys.key(photo.renders[r].size, file.encoding));
    }
  }
  return keys;
}

/// The files of `photo` the cache lacks, by size (`keys` from keys_of), with their keys.
struct Missing {
  std::vector<RenderRequest> requests;
  std::vector<std::vector<std::string>> keys;  ///< per request, per encoding
  /// The cache entries found, by render and file (a file the cache lacks, or one with the
  /// key of another file of its render, has none): published without a second lookup.
  std::vector<std::vector<std::optional<CachedFile>>> found;
};
Missing missing_files(const Photo& photo, const std::vector<std::vector<std::string>>& keys,
                      PhotoCache& cache) {
  Missing missing;
  missing.found.resize(photo.renders.size());
  for (size_t r = 0; r < photo.renders.size(); ++r) {
    const PhotoRender& render = photo.renders[r];
    RenderRequest request{render.size, {}};
    std::vector<std::string> request_keys;
    missing.found[r].resize(render.files.size());
    for (size_t f = 0; f < render.files.size(); ++f) {
      const Encoding& e = render.files[f].encoding;
      // One encode per distinct key: the original at its own path is often the largest
      // fallback's bytes.
      bool planned =
          std::find(request_keys.begin(), request_keys.end(), keys[r][f]) != request_keys.end();
      if (planned) continue;
      missing.found[r][f] = cache.find(keys[r][f], image_extension(e.format));
      if (!missing.found[r][f]) {
        request.encodings.push_back(e);
        request_keys.push_back(keys[r][f]);
      }
    }
    if (!request.encodings.empty()) {
      missing.requests.push_back(std::move(request));
      missing.keys.push_back(std::move(request_keys));
    }
  }
  return missing;
}

/// Decodes `photo` once and stores the `missing` files in the cache; false after
/// reporting why not.
bool make_files(const Photo& photo, const Missing& missing, const fs::path& site_dir,
                PhotoCache& cache, int jobs, Diagnostics& diags) {
  if (missing.requests.empty()) return true;
  auto report = [&](const std::string& message, const char* hint) {
    diags.error(photo.first_user, photo.first_pos, message, hint);
    return false;
  };
  std::string error;
  fs::path full = site_dir / "static" / photo.site_path.substr(1);
  auto encoded = encode_photo(full.string(), photo.source.info, missing.requests, error, jobs);
  // Kept for reuse, a photo's buffers (a few MB each, of a dozen sizes) seldom were: the
  // pieces were too small for the next photo's, and the build grew by about 5 MB a photo
  // (200 photos: 1.2 GB).
  release_freed_memory();
  if (!encoded) {
    return report("the image " + photo.site_path + " (static" + photo.site_path + ") " + error,
                  "replace the file with a JPEG or PNG exported again from the original");
  }
  for (size_t m = 0; m < missing.requests.size(); ++m) {
    for (size_t e = 0; e < missing.requests[m].encodings.size(); ++e) {
      std::string_view ext = image_extension(missing.requests[m].encodings[e].format);
      if (!cache.store(missing.keys[m][e], ext, (*encoded)[m][e])) {
        return report("the processed image cannot be written into " +
                          PhotoCache::folder_of(site_dir).string(),
                      "check the free disk space and the folder's permissions");
      }
    }
  }
  return true;
}

/// What the files of `list` depend on, in publishing order: the recipe, what `set` plans
/// from a source (PhotoSet::plan_digest: its options and the plan itself), and each
/// photo's site path, source hash and header and the shape of its plan (how many sizes and
/// files; a photo only published from static/ has one). Every file's URL, size and
/// encoding, and so its cache key, follow from these: a rebuild of 200 photos no longer
/// describes its 2,800 files one by one.
std::uint64_t set_digest(const PhotoSet& set, const std::vector<const Photo*>& list,
                         size_t& files) {
  Hasher h;
  h.add(kRecipe).add(set.plan_digest()).add(list.size());
  files = 0;
  for (const Photo* photo : list) {
    const ImageInfo& info = photo->source.info;
    size_t n = 0;
    for (const PhotoRender& r : photo->renders) n += r.files.size();
    files += n;
    h.add(photo->site_path)
        .add(photo->source.hash)
        .add(info.format)
        .add(static_cast<std::uint64_t>(static_cast<std::uint32_t>(info.width)) << 32 |
             static_cast<std::uint32_t>(info.height))
        .add(static_cast<std::uint64_t>(info.alpha) | photo->renders.size() << 1 |
             static_cast<std::uint64_t>(n) << 16 | static_cast<std::uint64_t>(photo->card) << 32 |
             static_cast<std::uint64_t>(photo->social) << 48);
  }
  return h.get();
}

/// The output file `file` of a photo, a link to the cache's `entry`.
OutputFile linked_file(const PhotoFile& file, CachedFile&& entry) {
  OutputFile out{std::string(file.url.substr(1)), "", std::move(entry.path)};
  out.linkable = true;  // cache entries are replaced, never changed in place
  out.source_device = entry.device;
  out.source_inode = entry.inode;
  return out;
}

/// Hands `file` of `photo` to `sink` as a link to the cache's `entry`.
void publish_file(const PhotoFile& file, CachedFile&& entry, const OutputSink& sink) {
  sink(linked_file(file, std::move(entry)));
}

/// The files of `photos`, with their cache entries from `entries` (in publishing order, the
/// first photo's first file at `k`), handed to `sink`.
void publish_recorded(const Photo* const* photos, size_t n, std::vector<CachedFile>& entries,
                      size_t k, const OutputSink& sink) {
  for (size_t i = 0; i < n; ++i) {
    for (const PhotoRender& render : photos[i]->renders) {
      for (const PhotoFile& file : render.files) publish_file(file, std::move(entries[k++]), sink);
    }
  }
}

/// The top-level folder of the files of the photo at `site_path` ("/images/a.jpg":
/// "images"): its files are named after it, beside it.
std::string_view top_of(std::string_view site_path) {
  size_t slash = site_path.find('/', 1);
  return slash == std::string_view::npos ? std::string_view() : site_path.substr(1, slash - 1);
}

/// Hands the files of photos [from, to) of a set, its files [first, first + count) in
/// publishing order, to a sink.
using FilesOf =
    std::function<void(size_t from, size_t to, size_t first, size_t count, const OutputSink&)>;

/// Hands the files of `list` to `batches`, one batch per top-level folder (the photos are
/// sorted by path: a folder's are together). A batch's digest is the set's (what its files
/// are made from and their URLs) and its entries' (PhotoCache::entries_digest).
void publish_batches(std::vector<const Photo*> list, std::uint64_t digest, std::uint64_t entries,
                     FilesOf files_of, const BatchSink& batches) {
  auto files = std::make_shared<const FilesOf>(std::move(files_of));
  for (size_t i = 0, k = 0; i < list.size();) {
    std::string_view top = top_of(list[i]->site_path);
    size_t from = i, first = k;
    for (; i < list.size() && top_of(list[i]->site_path) == top; ++i) {
      for (const PhotoRender& r : list[i]->renders) k += r.files.size();
    }
    LinkedBatch batch;
    batch.top = top;
    batch.count = k - first;
    batch.digest = Hasher().add(digest).add(entries).add(from).add(i).add(top).get();
    batch.files = [files, from, to = i, first, count = batch.count](const OutputSink& sink) {
      (*files)(from, to, first, count, sink);
    };
    batches(std::move(batch));
  }
}

}  // namespace

PhotoList list_photos(const PhotoSet& photos) {
  PhotoList list;
  list.photos = photos.photos();
  list.digest = set_digest(photos, list.photos, list.files);
  return list;
}

bool publish_recorded_photos(const PhotoList& list, PhotoCache& cache, const OutputSink& sink,
                             const BatchSink* batches) {
  // The same photos as the last build, their entries where it found them: published as
  // it recorded them (no key worked out, no entry looked up by name).
  std::shared_ptr<const RecordedSet> recorded = cache.recorded_set(list.digest, list.files);
  if (!recorded) return false;
  if (batches) {
    auto photos = std::make_shared<const std::vector<const Photo*>>(list.photos);
    FilesOf files_of = [photos, recorded](size_t from, size_t to, size_t first, size_t,
                                          const OutputSink& out) {
      std::vector<CachedFile> entries = recorded->files();
      publish_recorded(photos->data() + from, to - from, entries, first, out);
    };
    publish_batches(list.photos, list.digest, recorded->digest(), std::move(files_of), *batches);
  } else {
    std::vector<CachedFile> entries = recorded->files();
    publish_recorded(list.photos.data(), list.photos.size(), entries, 0, sink);
  }
  return true;
}

void publish_photos(const PhotoSet& photos, const fs::path& site_dir, PhotoCache& cache, int jobs,
                    const OutputSink& sink, Diagnostics& diags, std::vector<const Photo*>* deferred,
                    const BatchSink* batches) {
  PhotoList list = list_photos(photos);
  if (publish_recorded_photos(list, cache, sink, batches)) return;
  publish_unrecorded_photos(list, site_dir, cache, jobs, sink, diags, deferred, batches);
}

void publish_unrecorded_photos(const PhotoList& photo_list, const fs::path& site_dir,
                               PhotoCache& cache, int jobs, const OutputSink& sink,
                               Diagnostics& diags, std::vector<const Photo*>* deferred,
                               const BatchSink* batches) {
  const std::vector<const Photo*>& list = photo_list.photos;
  std::uint64_t digest = photo_list.digest;
  struct Plan {
    std::vector<std::vector<std::string>> keys;
    Missing missing;
    bool ok = true;
  };
  std::vector<Plan> plans(list.size());
  parallel_for(list.size(), jobs, [&](size_t i) {
    plans[i].keys = keys_of(*list[i], cache);
    plans[i].missing = missing_files(*list[i], plans[i].keys, cache);
  });
  // One photo at a time, its files encoded on every thread: a build holds one decoded
  // photo and its sizes, not one per thread. What the pages' rendering freed goes back
  // to the system first (not when nothing is encoded: its pages would fault in again).
  bool encodes = !deferred && std::any_of(plans.begin(), plans.end(), [](const Plan& p) {
    return !p.missing.requests.empty();
  });
  // Huge pages off for the rest of the build: a photo's buffers are freed and handed
  // back piece by piece, and a 2 MB page partly in use stays resident (20 photos, the
  // memory handed back after each size: peak RSS 69.5 -> 64.6 MB).
  if (encodes) {
    stop_huge_pages();
    release_freed_memory();
  }
  for (size_t i = 0; i < list.size(); ++i) {
    if (plans[i].missing.requests.empty()) continue;
    if (deferred) {
      deferred->push_back(list[i]);
    } else {
      plans[i].ok = make_files(*list[i], plans[i].missing, site_dir, cache, jobs, diags);
    }
  }
  // What is published is recorded for the next build when every file is in the cache.
  // With `batches`, the files are kept until it is known whether the set is complete:
  // then they go as batches, with the digest a rebuild of the recorded set gives them (a
  // build that renews the entries' times then keeps the output's folder as it is).
  std::string entries;
  std::vector<OutputFile> kept;
  bool complete = !deferred || deferred->empty();
  for (size_t i = 0; i < list.size(); ++i) {
    if (!plans[i].ok) {
      complete = false;
      continue;
    }
    const Photo& photo = *list[i];
    for (size_t r = 0; r < photo.renders.size(); ++r) {
      const PhotoRender& render = photo.renders[r];
      for (size_t f = 0; f < render.files.size(); ++f) {
        std::optional<CachedFile>& found = plans[i].missing.found[r][f];
        CachedFile entry = found ? std::move(*found)
                                 : cache.entry(plans[i].keys[r][f],
                                               image_extension(render.files[f].encoding.format));
        size_t slash = entry.path.rfind('/');
        if (entry.inode == 0 || slash == std::string::npos) complete = false;
        if (complete) {
          if (!entries.empty()) entries += ',';
          entries.append(entry.path, slash + 1).append(":").append(std::to_string(entry.inode));
        }
        if (batches) {
          kept.push_back(linked_file(render.files[f], std::move(entry)));
        } else {
          publish_file(render.files[f], std::move(entry), sink);
        }
      }
    }
  }
  if (batches && complete && !entries.empty()) {
    std::uint64_t entries_digest = cache.entries_digest(entries);
    auto files = std::make_shared<std::vector<OutputFile>>(std::move(kept));
    FilesOf files_of = [files](size_t, size_t, size_t first, size_t count, const OutputSink& out) {
      for (size_t k = first; k < first + count; ++k) out(std::move((*files)[k]));
    };
    publish_batches(list, digest, entries_digest, std::move(files_of), *batches);
  } else {
    for (OutputFile& f : kept) sink(std::move(f));
  }
  if (complete) cache.record_set(digest, std::move(entries));
  if (deferred) std::sort(deferred->begin(), deferred->end());
}

size_t make_deferred_photos(const std::vector<const Photo*>& photos, const fs::path& site_dir,
                            PhotoCache& cache, int jobs, Diagnostics& diags,
                            const std::atomic<bool>* cancel) {
  size_t made = 0;
  for (const Photo* photo : photos) {
    if (cancel && *cancel) break;
    if (make_files(*photo, missing_files(*photo, keys_of(*photo, cache), cache), site_dir, cache,
                   jobs, diags)) {
      ++made;
    }
  }
  return made;
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
