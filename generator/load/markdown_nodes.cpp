#include "load/markdown_nodes.h"

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <mutex>
#include <string>

#include "core/text.h"
#include "load/markdown_fences.h"
#include "load/markdown_memory.h"

namespace firefly {

namespace detail {

void ensure_markdown_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

Pos NodePositions::operator()(cmark_node* n) {
  int node_line = cmark_node_get_start_line(n), node_col = cmark_node_get_start_column(n);
  while (static_cast<int>(starts.size()) < node_line && starts.back() < body.size()) {
    size_t end = body.find('\n', starts.back());
    starts.push_back(end == std::string_view::npos ? body.size() : end + 1);
  }
  if (node_line < 1 || node_line > static_cast<int>(starts.size()) || node_col < 1) {
    return {node_line + first_line - 1, node_col};
  }
  auto at = static_cast<size_t>(node_col - 1);  // the node's first byte in its line
  if (node_line != line) {
    std::string_view rest = body.substr(starts[static_cast<size_t>(node_line) - 1]);
    text = rest.substr(0, rest.find('\n'));
    line = node_line;
    byte = 0;
    col = 1;
  }
  at = lazy_line_byte(n, node_line, at);
  if (at < byte) {
    byte = 0;
    col = 1;
  }
  int chars = col - 1 + char_column(text.substr(byte), static_cast<int>(at - byte) + 1);
  if (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) {
    byte = at;  // counted on from here for the next node on this line
    col = chars;
  }
  return {node_line + first_line - 1, chars};
}

size_t NodePositions::lazy_line_byte(cmark_node* n, int node_line, size_t at) const {
  std::string_view marks;
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_LINK:
      marks = "[<";
      break;
    case CMARK_NODE_IMAGE:
      marks = "!";
      break;
    case CMARK_NODE_HTML_INLINE:
      marks = "<";
      break;
    case CMARK_NODE_CODE:
      marks = "`";
      break;
    default:
      return at;
  }
  if (at < text.size() && marks.find(text[at]) != std::string_view::npos) return at;
  cmark_node* para = cmark_node_parent(n);
  while (para && cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) para = cmark_node_parent(para);
  if (!para || cmark_node_get_start_line(para) >= node_line) return at;
  const auto shift = static_cast<size_t>(std::max(cmark_node_get_start_column(para) - 1, 0));
  const size_t lead = text.find_first_not_of(" \t");
  if (lead == std::string_view::npos || shift > at) return at;
  const size_t lazy = at - shift + lead;
  return lazy < text.size() && marks.find(text[lazy]) != std::string_view::npos ? lazy : at;
}

void scan_node(cmark_node* n, int first_line, int& line, std::vector<MarkdownItem>& items) {
  using K = MarkdownItem::Kind;
  if (int l = cmark_node_get_start_line(n); l > 0) line = l + first_line - 1;
  const char* lit = cmark_node_get_literal(n);
  std::string text = lit ? lit : "";
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HEADING:
      items.push_back({K::kHeading, "", line});
      break;
    case CMARK_NODE_ITEM:
      items.push_back({K::kListItem, "", line});
      break;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE: {
      const char* url = cmark_node_get_url(n);
      bool image = cmark_node_get_type(n) == CMARK_NODE_IMAGE;
      items.push_back({image ? K::kImage : K::kLink, url ? url : "", line});
      break;
    }
    case CMARK_NODE_CODE_BLOCK: {
      const char* info = cmark_node_get_fence_info(n);
      std::string kind = info ? std::string(trim(info)) : "";
      if (is_embed_kind(kind)) {
        items.push_back({K::kEmbed, kind + "\n" + text, line});
      } else {
        items.push_back({K::kCode, std::move(text), line});
      }
      break;
    }
    case CMARK_NODE_CODE:
      items.push_back({K::kCode, std::move(text), line});
      break;
    case CMARK_NODE_TEXT:
      items.push_back({K::kText, std::move(text), line});
      break;
    case CMARK_NODE_HTML_INLINE:
      if (text == "</span>") {
        items.push_back({K::kLangClose, "", line});
      } else if (std::string lang = lang_span_open(text); !lang.empty()) {
        items.push_back({K::kLangOpen, lang, line});
      }
      break;
    default:
      break;
  }
}

}  // namespace detail

std::string lang_span_open(std::string_view html) {
  constexpr std::string_view kOpen = "<span lang=\"", kClose = "\">";
  if (!starts_with(html, kOpen) || html.size() < kOpen.size() + kClose.size() + 1 ||
      html.substr(html.size() - kClose.size()) != kClose) {
    return "";
  }
  std::string_view lang = html.substr(kOpen.size(), html.size() - kOpen.size() - kClose.size());
  for (char c : lang) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return "";
  }
  return std::string(lang);
}

std::vector<MarkdownItem> scan_markdown(std::string_view body, int first_line) {
  detail::ensure_markdown_extensions();
  MarkdownMemory memory;
  MarkdownMemory::Use use(memory);
  cmark_parser* parser =
      cmark_parser_new_with_mem(detail::kMarkdownOptions, MarkdownMemory::allocator());
  if (cmark_syntax_extension* ext = cmark_find_syntax_extension("table")) {
    cmark_parser_attach_syntax_extension(parser, ext);
  }
  if (cmark_syntax_extension* ext = cmark_find_syntax_extension("autolink")) {
    cmark_parser_attach_syntax_extension(parser, ext);
  }
  cmark_parser_feed(parser, body.data(), body.size());
  cmark_node* doc = cmark_parser_finish(parser);
  std::vector<MarkdownItem> items;
  cmark_iter* iter = cmark_iter_new(doc);
  cmark_event_type ev;
  int line = first_line;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (ev == CMARK_EVENT_ENTER)
      detail::scan_node(cmark_iter_get_node(iter), first_line, line, items);
  }
  cmark_iter_free(iter);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return items;
}

}  // namespace firefly
