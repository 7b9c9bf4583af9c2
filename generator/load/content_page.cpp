// One content file read into a page: its front matter, its body, and the mistakes in them
// that the build reports.
#include "core/fs.h"
#include "core/hash.h"
#include "core/legacy_encoding.h"
#include "core/text.h"
#include "core/yaml.h"
#include "core/yaml_merge.h"
#include "load/content.h"
#include "load/front_matter.h"
#include "load/heading_marks.h"
#include "load/headless_tables.h"
#include "load/links_as_text.h"
#include "load/markdown_limits.h"
#include "load/wide_typing.h"

namespace firefly {

bool load_source_page(const std::string& rel_path, std::string_view raw, const SiteConfig& config,
                      SourcePage& out, Diagnostics& diags) {
  if (!read_page_name(rel_path, config, out, diags)) return false;
  Pos bad = first_invalid_utf8(raw);
  if (bad.line || saved_as_utf16(raw)) {
    diags.error(rel_path, bad.line ? bad : Pos{1, 1}, bad.line ? kNotUtf8 : kUtf16WithoutMark,
                not_utf8_help(raw, "save the file as UTF-8"));
    detail::mark_unread(out);
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
  out.front_yaml = split.yaml;
  out.front_yaml_line = split.yaml_line;
  const bool not_yaml = yaml_diags.has_errors();
  diags.append(yaml_diags);
  const bool not_map = !out.front.is_null() && !out.front.is_map();
  if (not_map) {
    diags.error(rel_path, out.front.pos, "the front matter must be `key: value` lines");
    out.front = Value(Map{});
  }
  if (not_yaml) out.front = readable_entries(split.yaml, rel_path, split.yaml_line);
  drop_extension_keys(out.front);  // x-shared: &s {...}, a place for shared blocks
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

namespace detail {

void mark_unread(SourcePage& page) {
  page.front = Value(Map{});
  page.front_incomplete = true;
  page.body_unread = true;
}

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

}  // namespace detail

}  // namespace firefly
