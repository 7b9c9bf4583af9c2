// render/photo_codec.h through the photo module: libvips and the hundred libraries it
// brings (cairo, poppler's neighbours, HDF5, X11, curl...) took every command 25 ms to load
// and link, photos or not; the module that holds them is loaded the first time a photo is
// read.
#include "render/photo_codec.h"

#include <dlfcn.h>
#include <unistd.h>

#include <string>

#include "core/allocator.h"
#include "core/parallel.h"
#include "render/photo_codec_api.h"

#ifndef FIREFLY_MODULE_DIR
#define FIREFLY_MODULE_DIR "libexec/firefly"
#endif

namespace firefly {

namespace {

/// The module's table, or why it could not be loaded.
struct Module {
  const PhotoCodecApi* api = nullptr;
  std::string problem;
};

/// The folder of the running program, with its last '/' ("" when unknown).
std::string program_folder() {
  std::string path(4096, '\0');
  ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size());
  if (n <= 0 || static_cast<size_t>(n) >= path.size()) return {};
  path.resize(static_cast<size_t>(n));
  return path.substr(0, path.rfind('/') + 1);
}

/// Loads the module once: beside the program (a build folder), then where `make install`
/// puts it (<prefix>/libexec/firefly/ for <prefix>/bin/firefly, FIREFLY_MODULE_DIR).
const Module& module() {
  static const Module loaded = [] {
    static const PhotoCodecHost host{&parallel_for, &release_freed_memory};
    Module m;
    const std::string folder = program_folder();
    for (const std::string& file :
         {folder + kPhotoModuleName, folder + "../" FIREFLY_MODULE_DIR "/" + kPhotoModuleName}) {
      void* handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!handle) {
        if (m.problem.empty()) m.problem = ::dlerror();
        continue;
      }
      auto entry = reinterpret_cast<PhotoCodecEntry>(::dlsym(handle, kPhotoCodecEntryName));
      const PhotoCodecApi* api = entry ? entry(&host) : nullptr;
      if (api && api->version == kPhotoCodecVersion) {
        m.api = api;
        m.problem.clear();
        return m;
      }
      m.problem = file + " is from another build of Firefly";
    }
    m.problem = "cannot be read: Firefly's photo module could not be loaded (" + m.problem + ")";
    return m;
  }();
  return loaded;
}

}  // namespace

bool start_image_codec() { return module().api && module().api->start(); }

std::string image_codec_problem() { return module().problem; }

std::optional<ImageInfo> read_image_info(const std::string& path, std::string& error) {
  if (!module().api) {
    error = module().problem;
    return std::nullopt;
  }
  return module().api->read_info(path, error);
}

std::optional<std::vector<std::vector<std::string>>> encode_photo(
    const std::string& path, const ImageInfo& info, const std::vector<RenderRequest>& requests,
    std::string& error, int jobs) {
  if (!module().api) {
    error = module().problem;
    return std::nullopt;
  }
  return module().api->encode(path, info, requests, error, jobs);
}

bool can_encode_avif() { return module().api && module().api->can_encode_avif(); }

}  // namespace firefly
