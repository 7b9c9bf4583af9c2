// What the photo module (firefly-photos.so, generator/photo_module/) and the program hand
// each other: the module is loaded the first time a photo is read (render/photo_codec.cpp),
// so the hundred libraries libvips brings are not loaded by every command.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "render/photo_codec.h"

namespace firefly {

/// What the module uses of the program: its threads and its allocator.
struct PhotoCodecHost {
  void (*parallel_for)(size_t n, int jobs, const std::function<void(size_t)>& fn) = nullptr;
  void (*release_freed_memory)() = nullptr;
};

/// The functions of render/photo_codec.h, as the module implements them.
struct PhotoCodecApi {
  int version = 0;  ///< kPhotoCodecVersion of the module's build
  bool (*start)() = nullptr;
  std::optional<ImageInfo> (*read_info)(const std::string& path, std::string& error) = nullptr;
  std::optional<std::vector<std::vector<std::string>>> (*encode)(
      const std::string& path, const ImageInfo& info, const std::vector<RenderRequest>& requests,
      std::string& error, int jobs) = nullptr;
  bool (*can_encode_avif)() = nullptr;
};

/// Changes whenever PhotoCodecHost, PhotoCodecApi or the types they use change: a module of
/// another build is refused rather than called.
constexpr int kPhotoCodecVersion = 1;

/// The module's one exported function: the table of its functions, given the program's.
using PhotoCodecEntry = const PhotoCodecApi* (*)(const PhotoCodecHost* host);
/// The name of that function in the module.
constexpr const char* kPhotoCodecEntryName = "firefly_photo_codec";

}  // namespace firefly
