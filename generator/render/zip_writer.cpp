#include "render/zip_writer.h"

#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <system_error>

namespace firefly {

namespace {

/// `d` at 00:00 in the local time zone, which is what libzip converts back from when it
/// writes the DOS date, so every machine writes the same date fields. An unknown date is
/// 1980-01-01, the first day a zip entry can have (a zip entry always has a date, and the
/// same input must give the same bytes): recognisably no date rather than an invented one.
time_t local_midnight(const Date& d) {
  std::tm tm{};
  tm.tm_year = (d.year ? d.year : 1980) - 1900;
  tm.tm_mon = (d.year ? d.month : 1) - 1;
  tm.tm_mday = d.year ? d.day : 1;
  tm.tm_isdst = -1;
  return std::mktime(&tm);
}

/// Entries this large are deflated at zlib's default level 6 instead of 9: for a 46 MB JSON
/// download level 9 takes 2.4 s instead of 0.3 s for a file 1.5% smaller.
constexpr std::uintmax_t kLargeEntry = 1 << 20;

/// The deflate level for `e`: 9 (smallest) unless it is large.
zip_uint32_t deflate_level(const ZipEntry& e) {
  std::error_code ec;
  std::uintmax_t size = e.file.empty() ? e.bytes.size() : std::filesystem::file_size(e.file, ec);
  return !ec && size >= kLargeEntry ? 6 : 9;
}

/// Adds every entry (sorted by name unless kept as given) to `archive`; false when one
/// cannot be added.
bool add_entries(zip_t* archive, std::vector<ZipEntry>& entries, ZipOrder order) {
  if (order == ZipOrder::kByName) {
    std::sort(entries.begin(), entries.end(),
              [](const ZipEntry& a, const ZipEntry& b) { return a.name < b.name; });
  }
  for (const ZipEntry& e : entries) {
    zip_source_t* src = e.file.empty()
                            ? zip_source_buffer(archive, e.bytes.data(), e.bytes.size(), 0)
                            : zip_source_file(archive, e.file.c_str(), 0, -1);
    zip_int64_t index = src ? zip_file_add(archive, e.name.c_str(), src, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (src) zip_source_free(src);
      return false;
    }
    auto i = static_cast<zip_uint64_t>(index);
    zip_set_file_compression(archive, i, e.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                             e.stored ? 0 : deflate_level(e));
    zip_file_set_mtime(archive, i, local_midnight(e.modified), 0);
    zip_file_set_external_attributes(archive, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16);
  }
  return true;
}

}  // namespace

std::string make_zip(std::vector<ZipEntry> entries, ZipOrder order) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) return {};
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(buffer);
    return {};
  }
  zip_source_keep(buffer);
  if (!add_entries(archive, entries, order) || zip_close(archive) != 0) {
    zip_discard(archive);
    zip_source_free(buffer);
    return {};
  }
  std::string out;
  zip_stat_t st;
  if (zip_source_stat(buffer, &st) == 0 && zip_source_open(buffer) == 0) {
    out.resize(static_cast<size_t>(st.size));
    zip_int64_t n = zip_source_read(buffer, out.data(), st.size);
    out.resize(n < 0 ? 0 : static_cast<size_t>(n));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return out;
}

bool write_zip(std::vector<ZipEntry> entries, const std::filesystem::path& dest, ZipOrder order) {
  int error = 0;
  zip_t* archive = zip_open(dest.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) return false;
  if (!add_entries(archive, entries, order) || zip_close(archive) != 0) {
    zip_discard(archive);
    return false;
  }
  return true;
}

}  // namespace firefly
