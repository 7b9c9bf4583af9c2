// Making the files of the photos a build uses: found in the cache, or decoded once per
// size with libvips and encoded, in parallel.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/output.h"
#include "emit/photo_cache.h"
#include "emit/writer.h"
#include "render/photos.h"

namespace firefly {

/// Whether `site_path` is a slash and names, none of them empty, `.` or `..`, with no slash
/// at the end: appended to a normalised folder, it gives a normalised path as it is.
bool is_normal_site_path(std::string_view site_path);

/// Looks at originals under `site_dir`/static through `cache`: the remembered header and
/// hash when the file did not change, else its header and a fresh hash.
PhotoInspector make_photo_inspector(const std::filesystem::path& site_dir, PhotoCache& cache);

/// Takes the files of one top-level folder as one batch (OutputWriter::add_batch).
using BatchSink = std::function<void(LinkedBatch&&)>;

/// Hands every file of every photo in `photos` to `sink` (read from `cache` or encoded
/// into it). A photo that cannot be decoded is an error naming it and the first page
/// that uses it. With `deferred`, a photo the cache lacks files of is not encoded: its
/// files are handed over as they will be in the cache, and the photo is added to
/// `deferred` for make_deferred_photos. With `batches`, the photo set the cache recorded
/// is handed over as one batch per top-level folder (the files kept until the writer's
/// commit asks for them, if it does).
void publish_photos(const PhotoSet& photos, const std::filesystem::path& site_dir,
                    PhotoCache& cache, int jobs, const OutputSink& sink, Diagnostics& diags,
                    std::vector<const Photo*>* deferred = nullptr,
                    const BatchSink* batches = nullptr);

/// The photos of a set in publishing order (by site path) and the digest of what their
/// files are made from: the set's plan and each photo's source and sizes.
struct PhotoList {
  std::vector<const Photo*> photos;
  std::uint64_t digest = 0;
  size_t files = 0;  ///< how many files they make
};
PhotoList list_photos(const PhotoSet& photos);

/// publish_photos in two steps, the first of which can run beside the pages: when `cache`
/// recorded the set `list` for the last build, hands its files over as that build found
/// them (one batch per top-level folder with `batches`, else to `sink`), reporting nothing,
/// and returns true. Else false, having handed over nothing: publish_unrecorded_photos
/// then does the rest (keys, lookups, encoding), as publish_photos does.
bool publish_recorded_photos(const PhotoList& list, PhotoCache& cache, const OutputSink& sink,
                             const BatchSink* batches = nullptr);
void publish_unrecorded_photos(const PhotoList& list, const std::filesystem::path& site_dir,
                               PhotoCache& cache, int jobs, const OutputSink& sink,
                               Diagnostics& diags, std::vector<const Photo*>* deferred = nullptr,
                               const BatchSink* batches = nullptr);

/// Encodes into `cache` the files `photos` lack (deferred by publish_photos); stops
/// between photos once `cancel` is set. Returns how many photos were completed.
size_t make_deferred_photos(const std::vector<const Photo*>& photos,
                            const std::filesystem::path& site_dir, PhotoCache& cache, int jobs,
                            Diagnostics& diags, const std::atomic<bool>* cancel = nullptr);

/// Warnings naming each photo that carried a GPS position (removed when published).
void warn_photo_locations(const PhotoSet& photos, Diagnostics& diags);

}  // namespace firefly
