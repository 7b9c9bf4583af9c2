// What lets a page's Markdown be parsed once for both the translation checks and its body:
// when the scan and the render parse it alike, and the URLs of a document rendered ahead.
#include "load/markdown.h"

namespace firefly {

bool scan_shares_render_parse(std::string_view body) {
  if (body.find('~') != std::string_view::npos) return false;  // strikethrough
  // A task-list box: `[`, blanks, at most one x, blanks, `]` (wider than the extension's).
  for (size_t at = body.find('['); at != std::string_view::npos; at = body.find('[', at + 1)) {
    size_t i = at + 1;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
    if (i < body.size() && (body[i] == 'x' || body[i] == 'X')) ++i;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
    if (i < body.size() && body[i] == ']') return false;
  }
  return true;
}

MarkdownScan scan_markdown_for_render(std::string_view body, bool unsafe_html, int first_line) {
  MarkdownScan scan;
  if (!scan_shares_render_parse(body)) {
    scan.items = scan_markdown(body, first_line);
    return scan;
  }
  scan.document = std::make_unique<MarkdownDocument>(body, unsafe_html, first_line, &scan.items);
  scan.document->render_ahead();
  return scan;
}

void append_href_escaped(std::string& out, std::string_view url) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  for (char ch : url) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 std::string_view("-_.+!*(),%#@?=;:/,$~").find(ch) != std::string_view::npos;
    if (plain) {
      out += ch;
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\'') {
      out += "&#x27;";
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
}

}  // namespace firefly
