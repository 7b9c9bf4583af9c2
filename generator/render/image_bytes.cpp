#include "render/image_bytes.h"

#include <cstddef>

namespace firefly {

std::string_view sniff_photo_format(std::string_view head) {
  auto starts = [&](std::string_view magic, size_t at = 0) {
    return head.size() >= at + magic.size() && head.substr(at, magic.size()) == magic;
  };
  if (starts("\xFF\xD8\xFF")) return "jpeg";
  if (starts("\x89PNG\r\n\x1A\n")) return "png";
  if (starts("RIFF") && starts("WEBP", 8)) return "webp";
  if (starts(std::string_view("II*\0", 4)) || starts(std::string_view("MM\0*", 4))) return "tiff";
  if (starts("ftyp", 4)) {
    for (std::string_view brand :
         {"heic", "heix", "heim", "heis", "hevc", "mif1", "msf1", "avif"}) {
      if (starts(brand, 8)) return "heif";
    }
  }
  return "";
}

namespace {

/// Reads a GIF's blocks in order; each step checks that the bytes it reads are there.
class GifReader {
 public:
  explicit GifReader(std::string_view in) : in_(in) {}

  bool has(size_t n) const { return n <= in_.size() - at_; }
  size_t at() const { return at_; }
  unsigned char byte(size_t offset = 0) const {
    return static_cast<unsigned char>(in_[at_ + offset]);
  }
  void skip(size_t n) { at_ += n; }
  /// Skips a colour table of the size `packed`'s low bits give, if its top bit says so.
  bool skip_colour_table(unsigned char packed) {
    if (!(packed & 0x80)) return true;
    size_t size = 3u << ((packed & 7) + 1);
    if (!has(size)) return false;
    skip(size);
    return true;
  }
  /// Skips data sub-blocks up to and with the empty one that ends them.
  bool skip_sub_blocks() {
    while (has(1)) {
      size_t n = byte();
      skip(1);
      if (n == 0) return true;
      if (!has(n)) return false;
      skip(n);
    }
    return false;
  }

 private:
  std::string_view in_;
  size_t at_ = 0;
};

/// Whether the application block at the reader (after its label) is one a GIF needs: the
/// loop count of an animation, or the colour profile. Its first sub-block names it.
bool needed_application(const GifReader& r) {
  if (!r.has(12) || r.byte() != 11) return false;
  std::string name;
  for (size_t i = 1; i <= 11; ++i) name += static_cast<char>(r.byte(i));
  return name == "NETSCAPE2.0" || name == "ANIMEXTS1.0" || name == "ICCRGBG1012";
}

}  // namespace

GifStrip strip_gif_metadata(std::string_view in, std::string& out) {
  if (in.size() < 13 || (in.substr(0, 6) != "GIF87a" && in.substr(0, 6) != "GIF89a")) {
    return GifStrip::kMalformed;
  }
  GifReader r(in);
  r.skip(10);
  const unsigned char screen_packed = r.byte();
  r.skip(3);
  if (!r.skip_colour_table(screen_packed)) return GifStrip::kMalformed;
  std::string kept(in.substr(0, r.at()));
  bool removed = false;
  while (r.has(1)) {
    const size_t start = r.at();
    const unsigned char kind = r.byte();
    bool keep = true;
    if (kind == 0x3B) {  // the end: what follows it is hidden from every viewer
      kept += ';';
      removed = removed || r.at() + 1 < in.size();
      if (removed) out = std::move(kept);
      return removed ? GifStrip::kStripped : GifStrip::kClean;
    }
    if (kind == 0x2C) {  // a picture: position, size, colours, then its compressed pixels
      if (!r.has(11)) return GifStrip::kMalformed;
      const unsigned char packed = r.byte(9);
      r.skip(10);
      if (!r.skip_colour_table(packed) || !r.has(1)) return GifStrip::kMalformed;
      r.skip(1);                // the LZW code size
    } else if (kind == 0x21) {  // an extension: its label says which
      if (!r.has(2)) return GifStrip::kMalformed;
      const unsigned char label = r.byte(1);
      r.skip(2);
      // Kept: the frame's timing and transparency, plain text (drawn in the picture).
      keep = label == 0xF9 || label == 0x01 || (label == 0xFF && needed_application(r));
    } else {
      return GifStrip::kMalformed;
    }
    if (!r.skip_sub_blocks()) return GifStrip::kMalformed;
    if (keep) {
      kept.append(in.substr(start, r.at() - start));
    } else {
      removed = true;
    }
  }
  // No end block: a GIF cut short after a whole block still shows, in every browser.
  if (removed) out = std::move(kept);
  return removed ? GifStrip::kStripped : GifStrip::kClean;
}

}  // namespace firefly
