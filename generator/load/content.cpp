#include "load/content.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iterator>
#include <optional>
#include <unordered_set>

#include "core/fs.h"
#include "core/hash.h"
#include "core/legacy_encoding.h"
#include "core/parallel.h"
#include "core/text.h"
#include "core/yaml.h"
#include "load/front_matter.h"
#include "load/heading_marks.h"
#include "load/headless_tables.h"
#include "load/links_as_text.h"
#include "load/markdown_limits.h"
#include "load/unread_files.h"
#include "load/wide_typing.h"

namespace firefly {

namespace {

bool looks_like_language(std::string_view s) {
  // "en", "vi", "zh-TW", "pt-BR": 2-3 letters, optionally -Region.
  auto parts = split(s, '-');
  if (parts[0].size() < 2 || parts[0].size() > 3) return false;
  for (char c : parts[0]) {
    if (c < 'a' || c > 'z') return false;
  }
  return parts.size() <= 2;
}

bool safe_name(std::string_view s) {
  if (s.empty() || s == "." || s == "..") return false;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f || c == '\\' || c == '%' || c == ':' || c == '"' || c == '<' ||
        c == '>' || c == '?' || c == '#' || c == '*' || c == '|')
      return false;
  }
  // Bytes that are not UTF-8 made an address no feed or sitemap may hold; a bidirectional
  // control, one that reads as another ("pay<U+202E>gpj.exe"), as a `url` may not.
  return is_valid_utf8(s) && invisible_character(s).empty();
}

/// A page whose file could not be read: it keeps its address, with no fields and no text.
void mark_unread(SourcePage& page) {
  page.front = Value(Map{});
  page.front_incomplete = true;
  page.body_unread = true;
}

/// What one path of the watcher's list is for the pages: not theirs (outside content/, or
/// hidden), beyond an update by files (content/ itself, a folder, a link), a `.md` file, or
/// another file (an editor's temporary file, or what is left of a removed folder).
struct ChangedPath {
  enum Kind { kNotPages, kBeyond, kMarkdown, kOther } kind;
  bool exists = false;
};

ChangedPath changed_path(const std::filesystem::path& site_dir, const std::string& path) {
  if (path == "content") return {ChangedPath::kBeyond};
  if (path.rfind("content/", 0) != 0) return {ChangedPath::kNotPages};
  if (path.find("/.") != std::string::npos) return {ChangedPath::kNotPages};  // never listed
  struct stat st {};
  const bool exists = ::lstat((site_dir / path).c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) return {ChangedPath::kBeyond};
  return {ends_with(path, ".md") ? ChangedPath::kMarkdown : ChangedPath::kOther, exists};
}

/// The `.md` files of content/ after the changes `changed` (site-relative paths) to the
/// files `before` read, as list_files would find them, and in `touched` the `.md` files
/// among the changes; nullopt when the changes may have added or removed files that are
/// not named (a folder created, moved or deleted) or `before` is not `whole`. Only a
/// touched file gets its `full` path: the others are taken over unread (an update after
/// one edit makes no path of each of 20,000 files).
std::optional<std::vector<FoundFile>> files_after(const std::filesystem::path& site_dir,
                                                  const ContentStamps& before,
                                                  const std::vector<std::string>& changed,
                                                  std::unordered_set<std::string>& touched) {
  if (!before.whole || !before.base) return std::nullopt;
  std::unordered_set<std::string_view> gone;
  std::vector<std::string_view> added;
  for (const std::string& path : changed) {
    auto [kind, exists] = changed_path(site_dir, path);
    if (kind == ChangedPath::kBeyond) return std::nullopt;
    if (kind == ChangedPath::kNotPages) continue;
    if (kind == ChangedPath::kOther) {
      if (!exists) return std::nullopt;  // perhaps a folder that was removed
      continue;
    }
    touched.insert(path);
    if (exists) {
      added.push_back(path);
      gone.erase(path);
    } else {
      gone.insert(path);
      std::erase(added, std::string_view(path));
    }
  }
  std::vector<std::string_view> rels;  // "content/...", sorted as list_files sorts
  rels.reserve(before.size() + added.size());
  for (const auto& [rel, entry] : *before.base) {
    if (!gone.count(rel)) rels.push_back(rel);
  }
  rels.insert(rels.end(), added.begin(), added.end());
  std::sort(rels.begin(), rels.end());
  rels.erase(std::unique(rels.begin(), rels.end()), rels.end());
  std::sort(added.begin(), added.end());
  std::vector<FoundFile> out(rels.size());
  const size_t prefix = std::string_view("content/").size();
  for (size_t i = 0; i < rels.size(); ++i) {
    out[i].rel = rels[i].substr(prefix);
    if (std::binary_search(added.begin(), added.end(), rels[i]))
      out[i].full = (site_dir / rels[i]).string();
  }
  return out;
}

}  // namespace

namespace detail {

FileStamp stamp_of(const std::filesystem::path& file,
                   std::chrono::system_clock::time_point read_at) {
  FileStamp s;
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return s;  // racy: read it
  auto ns = [](const timespec& t) {
    return static_cast<std::uint64_t>(t.tv_sec) * 1000000000u +
           static_cast<std::uint64_t>(t.tv_nsec);
  };
  s.size = static_cast<std::uint64_t>(st.st_size);
  s.inode = static_cast<std::uint64_t>(st.st_ino);
  s.mtime_ns = ns(st.st_mtim);
  s.ctime_ns = ns(st.st_ctim);
  // File times advance by clock ticks (a few ms): a write in the same tick as the last
  // one, after this read, would leave the stamp as it is. Such a stamp is not trusted.
  auto read_ns = static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(read_at.time_since_epoch()).count());
  constexpr std::uint64_t kTick = 50'000'000;  // 50 ms, well above any clock tick
  s.racy = std::max(s.mtime_ns, s.ctime_ns) + kTick > read_ns;
  return s;
}

std::uint64_t reading_fingerprint(const SiteConfig& config) {
  Hasher h;
  h.add(config.default_language().code).add(config.max_markdown_bytes);
  for (const Language& l : config.languages) h.add(l.code);
  return h.get();
}

}  // namespace detail

bool read_page_name(const std::string& rel_path, const SiteConfig& config, SourcePage& out,
                    Diagnostics& diags) {
  out.path = rel_path;
  // "content/stories/a.en.md" -> section "stories", name "a.en"
  std::string_view rel = std::string_view(rel_path).substr(std::string_view("content/").size());
  auto parts = split(rel, '/');
  std::string_view file = parts.back();
  file.remove_suffix(3);  // ".md"
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (!safe_name(parts[i])) {
      diags.error(
          rel_path, {},
          "the folder name '" + std::string(parts[i]) + "' cannot be part of a web address");
      return false;
    }
    out.section += (i ? "/" : "") + std::string(parts[i]);
  }
  std::string name(file);
  out.lang = config.default_language().code;
  size_t dot = name.rfind('.');
  if (dot != std::string::npos) {
    std::string suffix = name.substr(dot + 1);
    auto same_letters = [&](const Language& l) {
      return l.code.size() == suffix.size() &&
             std::equal(l.code.begin(), l.code.end(), suffix.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) ==
                      std::tolower(static_cast<unsigned char>(b));
             });
    };
    auto cased = std::find_if(config.languages.begin(), config.languages.end(), same_letters);
    if (config.language(suffix)) {
      out.lang = suffix;
      name = name.substr(0, dot);
    } else if (cased != config.languages.end()) {
      // "a.EN.md" would be a page of its own, in the default language, at /a.EN/.
      diags.error(rel_path, {},
                  "the language '" + suffix + "' in this file name is written '" + cased->code +
                      "' in site.yaml",
                  "rename the file to " + name.substr(0, dot) + "." + cased->code + ".md");
      return false;
    } else if (looks_like_language(suffix)) {
      // 'vn' (Viet Nam's country code) means 'vi'; 'th' on a site without Thai is Thai, not
      // a misspelt 'en' (a Thai page renamed .en.md would be published as English).
      const std::string guess = config.language_meant(suffix);
      diags.error(rel_path, {},
                  "the language '" + suffix + "' in this file name is not in site.yaml",
                  guess.empty() ? "add it under `languages:` in site.yaml"
                                : "did you mean '" + guess + "'?");
      return false;
    }
  }
  if (name == "_index") {
    out.is_index = true;
  } else {
    out.slug = name;
    if (!safe_name(out.slug)) {
      diags.error(rel_path, {}, "the file name '" + out.slug + "' cannot be part of a web address",
                  "use letters, digits and '-'");
      return false;
    }
    if (out.slug.find(' ') != std::string::npos) {
      diags.error(rel_path, {},
                  "the file name '" + out.slug +
                      "' has spaces: its web address would have "
                      "%20 in their place",
                  "use '-' between the words");
      return false;
    }
  }
  return true;
}

bool load_source_page(const std::string& rel_path, std::string_view raw, const SiteConfig& config,
                      SourcePage& out, Diagnostics& diags) {
  if (!read_page_name(rel_path, config, out, diags)) return false;
  Pos bad = first_invalid_utf8(raw);
  if (bad.line) {
    diags.error(rel_path, bad,
                "this file is not valid UTF-8 text (a byte here is not part of any character)",
                not_utf8_help(raw, "save the file as UTF-8"));
    mark_unread(out);
    return true;
  }
  // Most files have no carriage return: they are split where they were read, uncopied.
  std::string_view text = strip_bom(raw);
  std::string normalized;
  if (text.find('\r') != std::string_view::npos) text = normalized = normalize_newlines(text);
  FrontMatterSplit split = split_front_matter(text, rel_path, diags);
  // Front matter that is not YAML or never closed hides neither the body's errors nor
  // those of the entries that can be read alone.
  Diagnostics yaml_diags;
  if (auto quote = find_unclosed_quote(split.yaml, split.yaml_line)) {
    // YAML would read the lines after it into the value, or fail further down.
    yaml_diags.error(rel_path, quote->pos,
                     "the quote that opens '" + quote->key +
                         "' is not closed on its line: the line '" + quote->next_key +
                         ":' after it would be read as part of the text",
                     "add the closing quote at the end of the text");
  } else if (!report_wide_typing(split.yaml, rel_path, split.yaml_line, yaml_diags)) {
    out.front = parse_yaml(split.yaml, rel_path, yaml_diags, split.yaml_line);
  }
  for (const CommentValue& c : find_comment_values(split.yaml, split.yaml_line)) {
    yaml_diags.warning(rel_path, c.pos,
                       "'" + c.key +
                           "' is empty: YAML reads a '#' after a space as the start "
                           "of a comment, so '" +
                           c.text + "' is left out",
                       "put the value in quotes: " + c.key + ": " + yaml_quoted(c.text));
  }
  const bool not_yaml = yaml_diags.has_errors();
  diags.append(yaml_diags);
  const bool not_map = !out.front.is_null() && !out.front.is_map();
  if (not_map) {
    diags.error(rel_path, out.front.pos, "the front matter must be `key: value` lines");
    out.front = Value(Map{});
  }
  if (not_yaml) out.front = readable_entries(split.yaml, rel_path, split.yaml_line);
  out.front_incomplete = !split.closed || not_yaml || not_map;
  out.body = std::string(split.body);
  out.body_line = split.body_line;
  for (MarkdownHazard& h : find_markdown_hazards(out.body, out.body_line)) {
    diags.error(rel_path, h.pos, std::move(h.message), std::move(h.help));
    out.body = SharedText();  // never parsed: the page's other errors are still reported
    out.body_unread = true;
  }
  for (MarkdownHazard& c : find_control_characters(out.body, out.body_line)) {
    diags.error(rel_path, c.pos, std::move(c.message), std::move(c.help));
  }
  if (!out.body_unread) {
    report_links_as_text(out.body, out.body_line, rel_path, diags);
    report_headless_tables(out.body, out.body_line, rel_path, diags);
    report_unspaced_headings(out.body, out.body_line, rel_path, diags);
  }
  // A translation with neither title nor text: the CMS writes one for every language of a
  // new page (with its dates and references copied in). Not translated yet: not published,
  // and no warning, as for a missing translation (`check` lists it among the untranslated).
  const bool titled = out.front.is_map() && out.front.find("title");
  out.placeholder = out.lang != config.default_language().code && !out.is_index && !titled &&
                    !out.front_incomplete && !out.body_unread &&
                    trim(std::string_view(out.body)).empty();
  return true;
}

const ContentStamps::Entry* ContentStamps::find(const std::string& path) const {
  if (auto it = changed.find(path); it != changed.end()) return &it->second;
  if (!base) return nullptr;
  auto it = base->find(path);
  return it == base->end() ? nullptr : &it->second;
}

namespace {

/// Reads the content file `full` (site-relative `rel`) into `page`, with what it reports
/// in `reported`; false when the file has no place in the site.
bool read_content_file(const std::string& rel, const std::filesystem::path& full,
                       const SiteConfig& config, SourcePage& page, Diagnostics& reported) {
  uintmax_t size = 0;
  auto text = read_file_at_most(full, config.max_markdown_bytes, size);
  // A file that is not read keeps its page's address, so that links to it resolve.
  if (!text && size > config.max_markdown_bytes) {
    reported.error(rel, {},
                   "this file has " + std::to_string(size / 1024) +
                       " KB; a page may have at most " +
                       std::to_string(config.max_markdown_bytes / 1024) + " KB",
                   "split it into several pages, or raise markdown.max_file_size_kb in site.yaml");
    bool ok = read_page_name(rel, config, page, reported);
    mark_unread(page);
    return ok;
  }
  if (!text) {
    reported.error(rel, {}, unreadable_message(full));
    bool ok = read_page_name(rel, config, page, reported);
    mark_unread(page);
    return ok;
  }
  bool ok = load_source_page(rel, *text, config, page, reported);
  page.fingerprint = Hasher().add(rel).add(*text).get();
  return ok;
}

/// The load after `previous` when the watcher's list names, under content/, only `.md`
/// files that `previous` read (edited, or written again through a rename) and files that
/// are not pages: the pages and stamps of `previous` with those files read again, without
/// a look at any other file. nullopt when the list may have added or removed a page (a
/// folder or a page created, moved or deleted) or `previous` is not `whole`: then the
/// files must be found as files_after does.
std::optional<SourcePages> load_edited(const std::filesystem::path& site_dir,
                                       const SiteConfig& config, int jobs, Diagnostics& diags,
                                       ContentStamps& stamps, const LoadedContent& previous,
                                       std::chrono::system_clock::time_point started) {
  const ContentStamps& before = previous.stamps;
  if (!before.whole || !before.base || before.size() != previous.pages.size()) return std::nullopt;
  std::vector<std::string> touched;
  for (const std::string& path : *previous.changed) {
    auto [kind, exists] = changed_path(site_dir, path);
    if (kind == ChangedPath::kBeyond) return std::nullopt;
    if (kind == ChangedPath::kNotPages) continue;
    if (kind == ChangedPath::kOther) {
      // An editor's temporary file, or what is left of a folder that held pages.
      const std::string folder = path + "/";
      auto inside = [&](const auto& page) { return page->path.rfind(folder, 0) == 0; };
      if (std::any_of(previous.pages.begin(), previous.pages.end(), inside)) {
        return std::nullopt;
      }
      continue;
    }
    if (!exists || !before.find(path)) return std::nullopt;  // a page gone or new
    touched.push_back(path);
  }
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  std::vector<ContentStamps::Entry> entries(touched.size());
  std::vector<std::shared_ptr<const SourcePage>> read(touched.size());
  std::vector<std::vector<Diagnostic>> reports(touched.size());
  std::vector<char> ok(touched.size(), 1);
  parallel_for(touched.size(), jobs, [&](size_t i) {
    const ContentStamps::Entry& was = *before.find(touched[i]);
    entries[i] = {detail::stamp_of(site_dir / touched[i], started), was.page};
    if (entries[i].stamp == was.stamp) return;  // the same bytes: the page before
    auto page = std::make_shared<SourcePage>();
    Diagnostics reported;
    ok[i] = read_content_file(touched[i], site_dir / touched[i], config, *page, reported);
    reports[i] = reported.sorted();
    read[i] = std::move(page);
  });
  if (std::find(ok.begin(), ok.end(), 0) != ok.end()) return std::nullopt;
  SourcePages pages = previous.pages;
  stamps.config = before.config;
  stamps.whole = true;
  stamps.base = before.base;
  stamps.changed = before.changed;
  stamps.reported = before.reported;
  for (size_t i = 0; i < touched.size(); ++i) {
    if (!read[i]) continue;  // the same stamp as before (never a racy one)
    stamps.changed[touched[i]] = entries[i];
    pages[entries[i].page] = std::move(read[i]);
    if (reports[i].empty()) {
      stamps.reported.erase(touched[i]);
    } else {
      stamps.reported[touched[i]] = std::move(reports[i]);
    }
  }
  if (stamps.changed.size() > stamps.base->size() / 8) {  // folded into a new table
    auto files = std::make_shared<ContentStamps::Files>(*stamps.base);
    for (auto& [path, entry] : stamps.changed) (*files)[path] = entry;
    stamps.base = std::move(files);
    stamps.changed.clear();
  }
  for (const auto& [path, reported] : stamps.reported) {
    for (const Diagnostic& d : reported) diags.add(d);
  }
  return pages;
}

}  // namespace

SourcePages load_content(const std::filesystem::path& site_dir, const SiteConfig& config, int jobs,
                         Diagnostics& diags, ContentStamps* stamps, const LoadedContent* previous) {
  auto started = std::chrono::system_clock::now();
  std::uint64_t config_print = detail::reading_fingerprint(config);
  if (previous && previous->stamps.config != config_print) previous = nullptr;
  if (previous && previous->changed && stamps) {
    if (auto pages = load_edited(site_dir, config, jobs, diags, *stamps, *previous, started)) {
      return std::move(*pages);
    }
  }
  std::vector<std::string> escaped, special;
  std::unordered_set<std::string> touched;  // with `listed`: the .md files changed
  std::optional<std::vector<FoundFile>> listed;
  if (previous && previous->changed) {
    listed = files_after(site_dir, previous->stamps, *previous->changed, touched);
  }
  const bool listed_ok = listed.has_value();
  auto files =
      listed ? std::move(*listed) : list_files(site_dir / "content", site_dir, &escaped, &special);
  bool linked = std::any_of(files.begin(), files.end(), [](const FoundFile& f) { return f.link; });
  std::vector<SourcePage> unreadable;  // special files named like pages keep their address
  for (const std::string& rel : special) {
    diags.error("content/" + rel, {}, special_entry_message(site_dir / "content", rel),
                special_entry_hint(rel, "replace it with a text file"));
    Diagnostics name_errors;  // a name error would be a second error about the same file
    SourcePage stub;
    if (ends_with(rel, ".md") && read_page_name("content/" + rel, config, stub, name_errors)) {
      mark_unread(stub);
      unreadable.push_back(std::move(stub));
    }
  }
  for (const std::string& rel : escaped) {
    diags.error(
        "content/" + rel, {},
        escaped_link_message(site_dir / "content" / rel, site_dir) + "; it is not published",
        escaped_link_hint(rel, "copy the file into the site instead"));
  }
  std::vector<FoundFile> md;
  for (auto& f : files) {
    if (ends_with(f.rel, ".md")) {
      md.push_back(std::move(f));
    } else if (auto unread = unread_content_file(f.rel)) {
      diags.warning("content/" + f.rel, {}, std::move(unread->message), std::move(unread->hint));
    }
  }
  SourcePages pages(md.size());
  std::vector<char> ok(md.size(), 0);
  std::vector<ContentStamps::Entry> entries(stamps ? md.size() : 0);
  std::vector<std::vector<Diagnostic>> reports(stamps ? md.size() : 0);
  const std::vector<Diagnostic> none;
  parallel_for(md.size(), jobs, [&](size_t i) {
    std::string rel = "content/" + md[i].rel;
    const ContentStamps::Entry* was = previous ? previous->stamps.find(rel) : nullptr;
    // A file the watcher did not see change is as it was read (racy stamps included:
    // a write after that reading would have been seen).
    bool unchanged = was && listed_ok && !touched.count(rel);
    std::filesystem::path full;
    if (!unchanged) full = md[i].full.empty() ? site_dir / rel : std::filesystem::path(md[i].full);
    FileStamp stamp = unchanged ? was->stamp
                      : stamps  ? detail::stamp_of(full, started)
                                : FileStamp{};
    if (stamps) entries[i].stamp = stamp;
    if (was && (unchanged || was->stamp == stamp)) {
      pages[i] = previous->pages[was->page];  // add_git_dates brings its dates up to date
      auto it = previous->stamps.reported.find(rel);
      const std::vector<Diagnostic>& reported =
          it == previous->stamps.reported.end() ? none : it->second;
      for (const Diagnostic& d : reported) diags.add(d);
      if (stamps) reports[i] = reported;
      ok[i] = 1;
      return;
    }
    auto page = std::make_shared<SourcePage>();
    pages[i] = page;
    Diagnostics reported;
    ok[i] = read_content_file(rel, full, config, *page, reported);
    if (stamps) reports[i] = reported.sorted();
    diags.append(reported);
  });
  SourcePages out;
  out.reserve(pages.size());
  std::shared_ptr<ContentStamps::Files> files_now;
  if (stamps) {
    stamps->config = config_print;
    files_now = std::make_shared<ContentStamps::Files>();
    files_now->reserve(pages.size());
    stamps->changed.clear();
    stamps->reported.clear();
    stamps->whole = escaped.empty() && special.empty() && !linked &&
                    std::all_of(ok.begin(), ok.end(), [](char c) { return c != 0; });
  }
  for (size_t i = 0; i < pages.size(); ++i) {
    if (!ok[i]) continue;
    if (stamps) {
      entries[i].page = out.size();
      files_now->emplace(pages[i]->path, entries[i]);
      if (!reports[i].empty()) stamps->reported.emplace(pages[i]->path, std::move(reports[i]));
    }
    out.push_back(std::move(pages[i]));
  }
  if (stamps) stamps->base = std::move(files_now);
  for (SourcePage& stub : unreadable) out.push_back(std::make_shared<SourcePage>(std::move(stub)));
  return out;
}

}  // namespace firefly
