#include "emit/folder_record.h"

#include <unistd.h>

#include <fstream>
#include <vector>

#include "core/fs.h"
#include "core/hash.h"
#include "core/text.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

std::vector<std::string_view> cells_of(std::string_view line) {
  std::vector<std::string_view> cells;
  for (size_t at = 0;;) {
    size_t end = line.find('\t', at);
    cells.push_back(line.substr(at, end == std::string_view::npos ? end : end - at));
    if (end == std::string_view::npos) return cells;
    at = end + 1;
  }
}

}  // namespace

FolderRecords::FolderRecords(fs::path file, std::string output)
    : file_(std::move(file)), output_(std::move(output)) {
  std::optional<std::string> text = read_file(file_);
  if (!text) return;
  std::string_view rest = *text;
  while (!rest.empty()) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    std::vector<std::string_view> f = cells_of(line);
    if (f.size() != 5) continue;  // damaged: that folder is listed again
    if (f[0] != output_) {
      others_ += std::string(line) + "\n";
      continue;
    }
    Record r;
    if (read_whole_number(f[2], r.mtime) && read_whole_number(f[3], r.files) &&
        read_whole_number(f[4], r.digest)) {
      records_[std::string(f[1])] = r;
    }
  }
}

const FolderRecords::Record* FolderRecords::find(const std::string& name) const {
  auto it = records_.find(name);
  return it == records_.end() ? nullptr : &it->second;
}

void FolderRecords::set(const std::string& name, const Record& record) {
  auto [it, added] = records_.emplace(name, record);
  if (!added && it->second == record) return;
  it->second = record;
  changed_ = true;
}

void FolderRecords::save() {
  if (!changed_) return;
  // A name or output with a tab or line break cannot be written: that folder is listed.
  auto plain = [](std::string_view s) { return s.find_first_of("\t\n") == std::string_view::npos; };
  if (!plain(output_)) return;
  std::string text = others_;
  for (const auto& [name, r] : records_) {
    if (!plain(name)) continue;
    text += output_ + "\t" + name + "\t" + std::to_string(r.mtime) + "\t" +
            std::to_string(r.files) + "\t" + std::to_string(r.digest) + "\n";
  }
  std::error_code ec;
  fs::create_directories(file_.parent_path(), ec);
  fs::path temp = file_;
  temp += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      fs::remove(temp, ec);
      return;
    }
  }
  fs::rename(temp, file_, ec);
  if (ec) fs::remove(temp, ec);
  changed_ = false;
}

uint64_t FolderRecords::entry_digest(std::string_view name, unsigned long long inode) {
  return Hasher().add(name).add(static_cast<std::uint64_t>(inode)).get();
}

}  // namespace firefly
