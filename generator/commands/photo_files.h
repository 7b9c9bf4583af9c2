// Making the files of the photos a build uses: found in the cache, or decoded once per
// size with libvips and encoded, in parallel.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <vector>

#include "core/error.h"
#include "core/output.h"
#include "emit/photo_cache.h"
#include "emit/writer.h"
#include "render/photos.h"

namespace firefly {

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

/// Encodes into `cache` the files `photos` lack (deferred by publish_photos); stops
/// between photos once `cancel` is set. Returns how many photos were completed.
size_t make_deferred_photos(const std::vector<const Photo*>& photos,
                            const std::filesystem::path& site_dir, PhotoCache& cache, int jobs,
                            Diagnostics& diags, const std::atomic<bool>* cancel = nullptr);

/// Warnings naming each photo that carried a GPS position (removed when published).
void warn_photo_locations(const PhotoSet& photos, Diagnostics& diags);

}  // namespace firefly
