#include "photo_module/webp_encoder.h"

#include <webp/encode.h>

namespace firefly {

std::optional<std::string> encode_webp(const PixelView& pixels, int quality, int effort) {
  WebPConfig config;
  if (!WebPConfigPreset(&config, WEBP_PRESET_DEFAULT, static_cast<float>(quality))) {
    return std::nullopt;
  }
  config.method = effort;
  if (!WebPValidateConfig(&config)) return std::nullopt;
  WebPPicture picture;
  if (!WebPPictureInit(&picture)) return std::nullopt;
  picture.width = pixels.width;
  picture.height = pixels.height;
  picture.use_argb = 0;  // lossy: libwebp converts straight into its YUV planes
  WebPMemoryWriter writer;
  WebPMemoryWriterInit(&writer);
  picture.writer = WebPMemoryWrite;
  picture.custom_ptr = &writer;
  bool ok = pixels.alpha ? WebPPictureImportRGBA(&picture, pixels.data, pixels.stride)
                         : WebPPictureImportRGB(&picture, pixels.data, pixels.stride);
  ok = ok && WebPEncode(&config, &picture);
  WebPPictureFree(&picture);
  std::optional<std::string> out;
  if (ok) out.emplace(reinterpret_cast<const char*>(writer.mem), writer.size);
  WebPMemoryWriterClear(&writer);
  return out;
}

}  // namespace firefly
