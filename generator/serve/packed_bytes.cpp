#include "serve/packed_bytes.h"

#include <zlib.h>

#include <stdexcept>

namespace firefly {

namespace {

/// Deflate looks back at most this far, so a longer dictionary's start is never used.
constexpr size_t kWindow = 32768;

/// Files smaller than this get no dictionary of their own kind.
constexpr size_t kSmallestDictionary = 1024;

const Bytef* bytes_of(std::string_view s) { return reinterpret_cast<const Bytef*>(s.data()); }

}  // namespace

std::string pack_bytes(std::string_view bytes, std::string_view dictionary) {
  if (bytes.empty()) return "";
  z_stream z{};
  if (deflateInit(&z, Z_BEST_SPEED) != Z_OK) return "";
  if (!dictionary.empty() && deflateSetDictionary(&z, bytes_of(dictionary),
                                                  static_cast<uInt>(dictionary.size())) != Z_OK) {
    deflateEnd(&z);
    return "";
  }
  std::string packed(deflateBound(&z, static_cast<uLong>(bytes.size())), '\0');
  z.next_in = const_cast<Bytef*>(bytes_of(bytes));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(packed.data());
  z.avail_out = static_cast<uInt>(packed.size());
  int rc = deflate(&z, Z_FINISH);
  size_t room = z.total_out;
  deflateEnd(&z);
  if (rc != Z_STREAM_END || room > bytes.size() - bytes.size() / 10) return "";
  packed.resize(room);
  packed.shrink_to_fit();
  return packed;
}

std::string unpack_bytes(std::string_view packed, size_t size, std::string_view dictionary) {
  std::string bytes(size, '\0');
  z_stream z{};
  if (inflateInit(&z) != Z_OK) throw std::runtime_error("a packed preview file is damaged");
  z.next_in = const_cast<Bytef*>(bytes_of(packed));
  z.avail_in = static_cast<uInt>(packed.size());
  z.next_out = reinterpret_cast<Bytef*>(bytes.data());
  z.avail_out = static_cast<uInt>(size);
  int rc = inflate(&z, Z_FINISH);
  if (rc == Z_NEED_DICT && inflateSetDictionary(&z, bytes_of(dictionary),
                                                static_cast<uInt>(dictionary.size())) == Z_OK) {
    rc = inflate(&z, Z_FINISH);
  }
  size_t got = z.total_out;
  inflateEnd(&z);
  if (rc != Z_STREAM_END || got != size)
    throw std::runtime_error("a packed preview file is damaged");
  return bytes;
}

std::shared_ptr<const std::string> PackDictionaries::choose(std::string_view path,
                                                            std::string_view bytes) {
  if (bytes.size() < kSmallestDictionary) return nullptr;
  // "en/stories/a/index.html" -> "en/stories" and ".html"
  size_t slash = path.rfind('/');
  std::string_view folder = slash == std::string_view::npos ? "" : path.substr(0, slash);
  std::string_view name = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
  size_t up = folder.rfind('/');
  std::string_view kind = up == std::string_view::npos ? "" : folder.substr(0, up);
  size_t dot = name.rfind('.');
  std::string key(kind);
  key += '\n';
  if (dot != std::string_view::npos) key += name.substr(dot);
  auto [it, added] = by_kind_.try_emplace(std::move(key));
  if (added) {
    std::string_view tail = bytes.substr(bytes.size() > kWindow ? bytes.size() - kWindow : 0);
    it->second = std::make_shared<const std::string>(tail);
  }
  return it->second;
}

}  // namespace firefly
