#include "model/dataset_text_staleness.h"

#include <optional>
#include <set>
#include <string>

#include "core/fs.h"
#include "core/yaml.h"
#include "load/git_lines.h"
#include "model/translation_staleness.h"

namespace firefly {

namespace {

/// The lines of `text`, without their line ends.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    lines.push_back(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
  }
  return lines;
}

/// How many spaces `line` starts with; -1 for a blank line.
int indent_of(std::string_view line) {
  size_t n = line.find_first_not_of(' ');
  if (n == std::string_view::npos || line[n] == '\r' || line[n] == '#') return -1;
  return static_cast<int>(n);
}

/// The lines (1-based, inclusive) a map member keyed at `key` spans: its key's line and
/// every following line indented deeper than the key.
std::pair<int, int> member_lines(Pos key, const std::vector<std::string_view>& lines) {
  int first = key.line, last = key.line;
  for (int l = key.line + 1; l <= static_cast<int>(lines.size()); ++l) {
    int indent = indent_of(lines[l - 1]);
    if (indent < 0) continue;
    if (indent < key.col) break;  // key.col is 1-based: the key's own indent is col - 1
    last = l;
  }
  return {first, last};
}

/// The newest commit that changed lines [first, last]; nullopt when one is uncommitted.
std::optional<HistoryEntry> newest(const std::vector<std::optional<HistoryEntry>>& history,
                                   std::pair<int, int> span) {
  std::optional<HistoryEntry> best;
  for (int l = span.first; l <= span.second; ++l) {
    if (l > static_cast<int>(history.size()) || !history[l - 1]) return std::nullopt;
    const HistoryEntry& e = *history[l - 1];
    if (!best || epoch_seconds(e.date) > epoch_seconds(best->date)) best = e;
  }
  return best;
}

/// What one dataset's metadata file is checked with.
struct MetadataFile {
  const std::string& path;
  const std::string& original;          ///< the default language's code
  const std::set<std::string>& others;  ///< the other languages' codes
  std::vector<std::string_view> lines;
  std::vector<std::optional<HistoryEntry>> history;  ///< read at the first text in blocks
  const std::filesystem::path& site_dir;
  bool history_read = false;
};

void check_texts(const Value& v, MetadataFile& file, Diagnostics& diags) {
  if (v.is_list()) {
    for (const Value& item : v.as_list()) check_texts(item, file, diags);
    return;
  }
  if (!v.is_map()) return;
  const Value* original = v.find(file.original);
  for (const auto& [key, member] : v.as_map()) {
    if (!original || !file.others.count(key)) {
      check_texts(member, file, diags);
      continue;
    }
    auto from = member_lines(original->key_pos, file.lines);
    auto to = member_lines(member.key_pos, file.lines);
    if (from.first <= to.second && to.first <= from.second) continue;  // shared lines
    if (!file.history_read) {
      file.history = line_history(file.site_dir, file.path);
      file.history_read = true;
    }
    std::optional<HistoryEntry> changed = newest(file.history, from);
    std::optional<HistoryEntry> translated = newest(file.history, to);
    if (!changed || !translated) continue;
    if (epoch_seconds(changed->date) <= epoch_seconds(translated->date)) continue;
    Date day{changed->date.year, changed->date.month, changed->date.day};
    Date tday{translated->date.year, translated->date.month, translated->date.day};
    diags.warning(file.path, member.key_pos,
                  "the original " + file.original + " text (line " +
                      std::to_string(original->key_pos.line) + ") changed on " + day.iso() +
                      " (commit " + changed->commit.substr(0, 7) + "), after this " + key +
                      " translation last changed on " + tday.iso() +
                      "; the translation may be out of date",
                  "update the " + key + " text from the " + file.original +
                      " one; the warning clears once it is committed");
  }
}

}  // namespace

void warn_stale_dataset_texts(const std::vector<Dataset>& datasets, const SiteConfig& config,
                              const std::filesystem::path& site_dir, Diagnostics& diags) {
  std::set<std::string> others;
  for (const Language& l : config.languages) others.insert(l.code);
  const std::string& original = config.default_language().code;
  others.erase(original);
  for (const Dataset& d : datasets) {
    std::optional<std::string> text = read_file(site_dir / d.yaml_path);
    if (!text) continue;
    Diagnostics ignored;  // the metadata was read and checked when the dataset was loaded
    Value meta = parse_yaml(*text, d.yaml_path, ignored);
    if (ignored.has_errors()) continue;
    MetadataFile file{d.yaml_path, original, others, lines_of(*text), {}, site_dir};
    check_texts(meta, file, diags);
  }
}

}  // namespace firefly
