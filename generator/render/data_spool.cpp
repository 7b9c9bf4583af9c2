#include "render/data_spool.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>

#include "core/fs.h"
#include "render/data_manifest.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

constexpr size_t kChunk = 1 << 20;
/// What adopt() reads at a time to hash a spooled file (not zeroed: most files are small).
constexpr size_t kReadChunk = 1 << 16;

std::atomic<unsigned> g_temp_counter{0};

}  // namespace

TempSpool::TempSpool() {
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) return;
  std::string pattern = (base / "firefly-data-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) return;
  spool_.dir = pattern;
  on_interrupt_.emplace(spool_.dir);
}

TempSpool::~TempSpool() {
  std::error_code ec;
  if (!spool_.dir.empty()) fs::remove_all(spool_.dir, ec);
}

fs::path DataSpool::temp_path() const {
  return dir / ("tmp-" + std::to_string(::getpid()) + "-" + std::to_string(g_temp_counter++));
}

DataFile DataSpool::adopt(const fs::path& temp, std::string path, const DataFormat& format) const {
  DataFile f{std::move(path), "", "", &format, 0, ""};
  Sha256Stream sha;
  std::FILE* in = std::fopen(temp.c_str(), "rb");
  auto chunk = std::make_unique_for_overwrite<char[]>(kReadChunk);
  while (in) {
    size_t n = std::fread(chunk.get(), 1, kReadChunk, in);
    if (n == 0) break;
    sha.add(std::string_view(chunk.get(), n));
    f.size += n;
  }
  if (in) std::fclose(in);
  f.sha256 = sha.hex();
  std::error_code ec;
  fs::path final_path = dir / f.sha256;
  fs::rename(temp, final_path, ec);
  if (ec) {
    f.bytes = read_file(temp).value_or("");
    f.size = f.bytes.size();
    fs::remove(temp, ec);
  } else {
    f.spooled = final_path.string();
  }
  return f;
}

DataFileWriter::DataFileWriter(const DataSpool& spool) : spool_(spool) {
  if (spool.dir.empty()) return;
  std::error_code ec;
  fs::create_directories(spool.dir, ec);
  temp_ = spool.temp_path();
  file_ = ec ? nullptr : std::fopen(temp_.c_str(), "wb");
}

DataFileWriter::~DataFileWriter() {
  if (file_) {
    std::fclose(file_);
    std::error_code ec;
    fs::remove(temp_, ec);
  }
}

void DataFileWriter::write(std::string_view bytes) {
  sha_.add(bytes);
  size_ += bytes.size();
  buffer_.append(bytes);
  if (file_ && buffer_.size() >= kChunk) flush();
}

void DataFileWriter::flush() {
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) == buffer_.size()) {
    buffer_.clear();
    return;
  }
  // The disk is full or the folder went away: go on in memory with what was written.
  std::fclose(file_);
  file_ = nullptr;
  std::string written = read_file(temp_).value_or("");
  std::error_code ec;
  fs::remove(temp_, ec);
  buffer_.insert(0, written);
}

DataFile DataFileWriter::finish(std::string path, const DataFormat& format) {
  DataFile f{std::move(path), "", sha_.hex(), &format, 0, ""};
  f.size = size_;
  if (file_) flush();  // may go on in memory
  if (file_) {
    bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    std::error_code ec;
    fs::path final_path = spool_.dir / f.sha256;
    if (closed) fs::rename(temp_, final_path, ec);
    if (closed && !ec) {
      f.spooled = final_path.string();
      return f;
    }
    buffer_ = read_file(temp_).value_or("");
    fs::remove(temp_, ec);
  }
  f.bytes = std::move(buffer_);
  return f;
}

}  // namespace firefly
