// libFuzzer target: any bytes as a page's Markdown through the load-time scans, the render and
// the search index (text blocks, tokens, postings, deflated excerpt) must never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/text.h"
#include "load/front_matter.h"
#include "load/heading_marks.h"
#include "load/headless_tables.h"
#include "load/links_as_text.h"
#include "load/markdown.h"
#include "load/markdown_limits.h"
#include "load/wide_typing.h"
#include "render/search_excerpts.h"
#include "render/search_postings.h"
#include "render/search_text_deflate.h"
#include "render/search_token_keys.h"
#include "render/search_tokens.h"

namespace {

using namespace firefly;

/// The HTML of a page's body `body` (valid UTF-8) as load and render make it: safe, and
/// with raw HTML kept (rendered ahead where the scan shares its parse, which must not
/// change the HTML).
std::vector<std::string> body_html(std::string_view body, int first_line) {
  LinkResolver resolve = [](const std::string& url, Pos, bool) { return "/zh/" + url; };
  MarkdownOptions options{false, resolve, [](Pos) {}, first_line};
  std::vector<std::string> html{render_markdown(body, options).html};
  options.unsafe_html = true;
  html.push_back(render_markdown(body, options).html);
  MarkdownScan scan = scan_markdown_for_render(body, true, first_line);
  if (scan.document && scan.document->render(resolve, nullptr).html != html.back()) {
    __builtin_trap();
  }
  return html;
}

/// The tokens of simple text as (short key or 0, token when the key is 0, position, positional),
/// from either of simple_search_keys and detail::simple_search_tokens.
struct TokenList {
  std::vector<std::tuple<uint64_t, std::string, uint32_t, bool>> tokens;
  void key(uint64_t key, uint32_t pos, bool positional) {
    tokens.emplace_back(key, "", pos, positional);
  }
  void token(std::string_view token, uint32_t pos, bool positional) {
    uint64_t key = SearchTokenIds::short_key(token);
    tokens.emplace_back(key, key ? "" : std::string(token), pos, positional);
  }
  void character(uint64_t k, uint32_t code_point, uint32_t pos) {
    char bytes[3] = {static_cast<char>(k & 0xFF), static_cast<char>((k >> 8) & 0xFF),
                     static_cast<char>((k >> 16) & 0xFF)};
    if (three_byte_code_point(std::string_view(bytes, 3), 0) != code_point) __builtin_trap();
    key(k, pos, false);
  }
  void operator()(std::string_view t, uint32_t pos, bool positional) { token(t, pos, positional); }
};

/// Checks that the keys of `text`, when simple, are those of its tokens, in order.
void same_keys(std::string_view text) {
  if (!search_text_is_simple(text)) return;
  TokenList keys, tokens;
  uint32_t key_pos = 0, token_pos = 0;
  simple_search_keys(text, &key_pos, keys);
  detail::simple_search_tokens(text, &token_pos, tokens);
  if (keys.tokens != tokens.tokens || key_pos != token_pos) __builtin_trap();
}

/// Deflates `text` with a code fitted to it and checks that it inflates back.
void deflate_back(const std::string& text) {
  SearchTextCode code({text, "lao động 勞資會議"});
  SearchTextDeflater deflater(code);
  std::string packed = deflater.deflate(text);
  if (!text.empty() && inflate_raw(code.header() + packed) != text) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  const std::string path = "content/fuzz.md";
  Diagnostics diags;
  std::string title;
  std::vector<TextBlock> blocks;
  if (is_valid_utf8(raw)) {  // load_source_page rejects the others
    std::string_view text = strip_bom(raw);
    std::string normalized;
    if (text.find('\r') != std::string_view::npos) text = normalized = normalize_newlines(text);
    FrontMatterSplit split = split_front_matter(text, path, diags);
    report_wide_typing(split.yaml, path, split.yaml_line, diags);
    title = std::string(split.yaml);
    if (find_markdown_hazards(split.body, split.body_line).empty()) {
      report_links_as_text(split.body, split.body_line, path, diags);
      report_headless_tables(split.body, split.body_line, path, diags);
      report_unspaced_headings(split.body, split.body_line, path, diags);
      for (const std::string& html : body_html(split.body, split.body_line)) {
        html_text_blocks(html, blocks);
      }
    }
  }
  std::vector<TextBlock> raw_blocks = html_text_blocks(raw);  // the bytes read as HTML
  for (const TextBlock& b : blocks) same_keys(b.text);
  for (const TextBlock& b : raw_blocks) same_keys(b.text);
  std::vector<RunPostings> runs(2);
  runs[0].add_document(0, title, blocks);
  runs[0].add_document(1, "", raw_blocks);
  runs[1].add_document(2, title, raw_blocks);
  JoinedPostings lines(runs);
  std::string postings;
  for (size_t line = 0; line < lines.size(); ++line) lines.append_postings(line, postings);
  deflate_back(excerpt_text(title, blocks));
  deflate_back(excerpt_text(title, raw_blocks));
  return 0;
}
