#include "render/email_breaks.h"

#include <cstring>
#include <utility>

namespace firefly {

std::string email_breaks(std::string_view text) {
  const size_t at = text.find('@');
  if (at == std::string_view::npos) return std::string(text);
  std::string out(text.substr(0, at + 1));
  out += "<wbr>";
  for (size_t i = at + 1; i < text.size(); ++i) {
    if (text[i] == '.' && i > at + 1) out += "<wbr>";
    out += text[i];
  }
  return out;
}

void break_mailto_texts(std::string& html) {
  constexpr std::string_view kOpen = "<a href=\"mailto:";
  if (!memmem(html.data(), html.size(), kOpen.data(), kOpen.size())) return;
  std::string out;
  size_t from = 0;
  for (size_t at; (at = html.find(kOpen, from)) != std::string::npos;) {
    const size_t text = html.find('>', at);
    const size_t close = text == std::string::npos ? text : html.find("</a>", text);
    if (close == std::string::npos) break;
    std::string_view shown(html.data() + text + 1, close - text - 1);
    out.append(html, from, text + 1 - from);
    if (shown.find('<') == std::string_view::npos) {
      out += email_breaks(shown);
    } else {
      out.append(shown);
    }
    from = close;
  }
  if (from == 0) return;
  out.append(html, from, std::string::npos);
  html = std::move(out);
}

}  // namespace firefly
