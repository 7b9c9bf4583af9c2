#include "render/reads.h"

#include "core/hash.h"

namespace firefly {

namespace {

thread_local ReadSet* t_reads = nullptr;

std::uint64_t named(std::string_view kind, std::string_view a, std::string_view b = {}) {
  return Hasher().add(kind).add(a).add(b).get();
}

}  // namespace

namespace grain {
std::uint64_t item(std::string_view out_path) { return named("item", out_path); }
std::uint64_t self(std::string_view out_path) { return named("self", out_path); }
std::uint64_t find(std::string_view key, std::string_view lang) { return named("find", key, lang); }
std::uint64_t url(std::string_view url) { return named("url", url); }
std::uint64_t strings(std::string_view lang) { return named("strings", lang); }
std::uint64_t string(std::string_view lang, std::string_view key) {
  return named("string", lang, key);
}
std::uint64_t all(std::string_view lang) { return named("all", lang); }
std::uint64_t sitemap(std::string_view lang) { return named("sitemap", lang); }
std::uint64_t config() { return named("config", ""); }
std::uint64_t theme() { return named("theme", ""); }
std::uint64_t datasets() { return named("datasets", ""); }
std::uint64_t dataset(std::string_view name) { return named("dataset", name); }
std::uint64_t catalogue() { return named("catalogue", ""); }
}  // namespace grain

RecordReads::RecordReads(ReadSet& set) { t_reads = &set; }
RecordReads::~RecordReads() { t_reads = nullptr; }

void note_read(std::uint64_t grain) {
  if (t_reads) t_reads->push_back(grain);
}

bool recording_reads() { return t_reads != nullptr; }

}  // namespace firefly
