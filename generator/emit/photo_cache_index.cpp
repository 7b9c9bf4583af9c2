// The photo cache's index as text: read when the cache is first used, written by finish().
// The lines of the keys worked out from each source and the folders' lists of entries are
// read only when first needed: a rebuild of the photo set recorded needs neither.
#include "emit/photo_cache_index.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "emit/photo_cache.h"

namespace firefly {

using namespace photo_index;

namespace {

/// Whether `line` starts with the cell `tag`.
bool tagged(std::string_view line, std::string_view tag) {
  return line.size() > tag.size() && line[tag.size()] == '\t' && line.substr(0, tag.size()) == tag;
}

/// The set's folders as 64 hexadecimal digits, folder 0 in the first digit's low bit.
std::string folders_text(const std::array<std::uint64_t, 4>& bits) {
  const char* hex = "0123456789abcdef";
  std::string out;
  for (int d = 0; d < 64; ++d) out += hex[bits[d / 16] >> (d % 16 * 4) & 15];
  return out;
}

bool parse_folders(std::string_view text, std::array<std::uint64_t, 4>& bits) {
  if (text.size() != 64) return false;
  bits = {};
  for (int d = 0; d < 64; ++d) {
    char c = text[d];
    int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (v < 0) return false;
    bits[d / 16] |= static_cast<std::uint64_t>(v) << (d % 16 * 4);
  }
  return true;
}

}  // namespace

void PhotoCache::parse_index(std::string_view text) {
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    // A damaged line is forgotten: the photo is looked at again, the folder listed again.
    if (tagged(line, kKeysTag)) {
      keys_lines_.push_back(line);  // read when a key is first asked for
      continue;
    }
    if (tagged(line, kFolderTag)) {
      // Tag, prefix, time and inode, then the folder's list of entries to the end of the
      // line: not searched for a tab now (the 256 lists hold every entry's name and inode,
      // most of the index); parse_listed() refuses a list with one when it is first needed.
      std::string_view f[4];
      int n = -1;
      long long mtime = -1;
      unsigned long long inode = 0;
      size_t rest = 0;
      for (size_t tab = 0, cell = 0; cell < 4 && rest != std::string_view::npos; ++cell) {
        tab = line.find('\t', rest);
        f[cell] = line.substr(rest, tab == std::string_view::npos ? tab : tab - rest);
        rest = tab == std::string_view::npos ? tab : tab + 1;
      }
      if (rest == std::string_view::npos || f[1].size() != 2 || (n = folder_number(f[1])) < 0 ||
          !read_whole_number(f[2], mtime) || !read_whole_number(f[3], inode)) {
        continue;
      }
      folders_[n].mtime = mtime;
      folders_[n].inode = inode;
      folders_[n].listed = line.substr(rest);
      folders_[n].parsed = false;
      continue;
    }
    if (tagged(line, kSetTag)) {
      // set, digest, count, entries' hash, folders (64 hex digits), entries; an older
      // line without the summary is forgotten (the set is looked at file by file).
      std::string_view f[6];
      if (split(line, '\t', f) == 6 && read_whole_number(f[1], set_digest_) &&
          read_whole_number(f[2], set_count_) && read_whole_number(f[3], set_hash_) &&
          parse_folders(f[4], set_folders_)) {
        set_entries_ = f[5];
      }
      continue;
    }
    // An original's line: read when known() asks for its path (a damaged one then is
    // forgotten: the photo is looked at again).
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) continue;
    stamp_lines_.push_back({line.substr(0, tab), line});
  }
  // Written sorted by path; an index edited by hand is sorted here (the later of two
  // lines of one path is the one read, as before).
  auto by_path = [](const StampLine& a, const StampLine& b) { return a.path < b.path; };
  if (!std::is_sorted(stamp_lines_.begin(), stamp_lines_.end(), by_path)) {
    std::stable_sort(stamp_lines_.begin(), stamp_lines_.end(), by_path);
  }
}

bool PhotoCache::read_stamp(std::string_view line, Stamp& s) {
  // One pass along the line (a rebuild of 200 photos reads 200 of them): each number is
  // read where it starts and must end at its tab; the texts end at the next tab. 13 cells,
  // as an index of an older Firefly has not.
  const char* at = line.data();
  const char* end = line.data() + line.size();
  auto text = [&](std::string_view& cell, bool last) {
    const char* tab =
        static_cast<const char*>(std::memchr(at, '\t', static_cast<size_t>(end - at)));
    if (last ? tab != nullptr : tab == nullptr) return false;
    const char* stop = last ? end : tab;
    cell = std::string_view(at, static_cast<size_t>(stop - at));
    at = last ? end : tab + 1;
    return true;
  };
  auto num = [&](auto& out) {
    auto [stop, ec] = std::from_chars(at, end, out);
    if (ec != std::errc() || stop == end || *stop != '\t') return false;
    at = stop + 1;
    return true;
  };
  SourceStamp& t = s.file;
  ImageInfo& i = s.source.info;
  std::string_view path, hash, format, alpha, gps, metadata;
  if (!text(path, false) || !num(t.size) || !num(t.mtime) || !num(t.ctime) || !num(t.inode) ||
      !text(hash, false) || !num(s.source.bytes) || !text(format, false) || !num(i.width) ||
      !num(i.height) || !text(alpha, false) || !text(gps, false) || !text(metadata, true)) {
    return false;
  }
  s.source.hash = hash;
  i.format = format;
  i.alpha = alpha == "1";
  i.gps = gps == "1";
  i.metadata = metadata == "1";
  return true;
}

bool PhotoCache::unused_stamps() const {
  return std::any_of(stamp_lines_.begin(), stamp_lines_.end(),
                     [](const StampLine& l) { return !l.used; });
}

void PhotoCache::parse_keys() {
  for (std::string_view line : keys_lines_) {
    std::string_view f[3];
    // An item without '=' never matches.
    if (split(line, '\t', f) == 3) keys_[std::string(f[1])].list = f[2];
  }
  keys_lines_.clear();
}

std::string PhotoCache::index_text() {
  parse_keys();
  std::string out;
  auto write_stamp = [&out](const std::string& path, const Stamp& s) {
    const ImageInfo& i = s.source.info;
    const SourceStamp& t = s.file;
    out += path + "\t" + std::to_string(t.size) + "\t" + std::to_string(t.mtime) + "\t" +
           std::to_string(t.ctime) + "\t" + std::to_string(t.inode) + "\t" + s.source.hash + "\t" +
           std::to_string(s.source.bytes) + "\t" + i.format + "\t" + std::to_string(i.width) +
           "\t" + std::to_string(i.height) + "\t" + (i.alpha ? "1" : "0") + "\t" +
           (i.gps ? "1" : "0") + "\t" + (i.metadata ? "1" : "0") + "\n";
  };
  // The originals remembered by this build and the lines this build found unchanged, in
  // order of path; the lines of originals no build used are dropped (a photo renamed or
  // removed, a site copied elsewhere).
  auto remembered = index_.begin();
  for (const StampLine& l : stamp_lines_) {
    for (; remembered != index_.end() && std::string_view(remembered->first) < l.path;
         ++remembered) {
      write_stamp(remembered->first, remembered->second);
    }
    if (remembered != index_.end() && remembered->first == l.path) continue;  // read again
    if (l.used) out.append(l.line).append("\n");
  }
  for (; remembered != index_.end(); ++remembered) {
    write_stamp(remembered->first, remembered->second);
  }
  // Keys of prefixes no build uses any more are dropped when the index is written.
  for (const auto& [prefix, k] : keys_) {
    // A rebuild of the recorded set asked for no key: the keys read are all still used.
    if ((k.used || set_reused_) && !k.list.empty())
      out += std::string(kKeysTag) + "\t" + prefix + "\t" + k.list + "\n";
  }
  if ((set_used_ || set_recorded_) && !set_entries_.empty()) {
    out.append(kSetTag).append("\t").append(std::to_string(set_digest_)).append("\t");
    out.append(std::to_string(set_count_)).append("\t").append(std::to_string(set_hash_));
    out.append("\t").append(folders_text(set_folders_)).append("\t");
    out.append(set_entries_).append("\n");
  }
  for (int n = 0; n < 256; ++n) {
    Folder& folder = folders_[n];
    std::lock_guard lock(folder.mu);
    if (!parse_listed(folder)) folder.mtime = -1;
    if (folder.mtime < 0) continue;  // listed again by the next build anyway
    out += std::string(kFolderTag) + "\t" + prefix_of(n) + "\t" + std::to_string(folder.mtime) +
           "\t" + std::to_string(folder.inode) + "\t";
    bool first = true;
    for (const auto& [name, file] : folder.files) {
      if (!first) out += ',';
      first = false;
      out += name + ":" + std::to_string(file.inode);
    }
    out += '\n';
  }
  return out;
}

bool PhotoCache::parse_listed(Folder& folder) {
  if (folder.parsed) return true;
  folder.parsed = true;
  std::string_view list = folder.listed;
  if (list.find('\t') != std::string_view::npos) {  // a cell too many: damaged
    folder.files.clear();
    folder.listed = {};
    return false;
  }
  for (size_t at = 0; at < list.size();) {
    size_t comma = std::min(list.find(',', at), list.size());
    std::string_view file = list.substr(at, comma - at);
    at = comma + 1;
    if (file.empty()) continue;
    size_t colon = file.rfind(':');
    unsigned long long inode = 0;
    if (colon == std::string_view::npos || !read_whole_number(file.substr(colon + 1), inode)) {
      folder.files.clear();  // a damaged line is forgotten: the folder is listed again
      return false;
    }
    folder.files[std::string(file.substr(0, colon))].inode = inode;
  }
  folder.listed = {};
  return true;
}

}  // namespace firefly
