#include "serve/packed_bytes.h"

#include <zlib.h>

#include <stdexcept>

namespace firefly {

std::string pack_bytes(std::string_view bytes) {
  uLongf room = compressBound(static_cast<uLong>(bytes.size()));
  std::string packed(room, '\0');
  int rc = compress2(reinterpret_cast<Bytef*>(packed.data()), &room,
                     reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uLong>(bytes.size()),
                     Z_BEST_SPEED);
  if (rc != Z_OK || room > bytes.size() - bytes.size() / 10) return "";
  packed.resize(room);
  packed.shrink_to_fit();
  return packed;
}

std::string unpack_bytes(std::string_view packed, size_t size) {
  std::string bytes(size, '\0');
  uLongf got = static_cast<uLongf>(size);
  int rc =
      uncompress(reinterpret_cast<Bytef*>(bytes.data()), &got,
                 reinterpret_cast<const Bytef*>(packed.data()), static_cast<uLong>(packed.size()));
  if (rc != Z_OK || got != size) throw std::runtime_error("a packed preview file is damaged");
  return bytes;
}

}  // namespace firefly
