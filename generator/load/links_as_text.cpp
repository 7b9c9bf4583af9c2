#include "load/links_as_text.h"

#include "core/text.h"
#include "load/markdown_lines.h"
#include "load/wide_typing.h"

namespace firefly {

namespace {

/// True when `written` reads as an address rather than words in brackets: it has a `/`,
/// or a `.` before a letter (photo.jpg, example.org), not only a number's (see 2.1).
bool looks_like_address(std::string_view written) {
  if (written.find('/') != std::string_view::npos) return true;
  for (size_t dot = written.find('.'); dot != std::string_view::npos;
       dot = written.find('.', dot + 1)) {
    const auto c = static_cast<unsigned char>(dot + 1 < written.size() ? written[dot + 1] : 0);
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  }
  return false;
}

}  // namespace

std::vector<SpacedLink> find_spaced_links(std::string_view body, int first_line) {
  std::vector<SpacedLink> found;
  int unclosed_at = 0;  // the line of the last unclosed address found
  each_prose_line(body, first_line, [&](std::string_view line, int line_no) {
    // Markdown lets the `)` (or a title) come on the next line: `![a](/a.jpg` then `)`.
    if (unclosed_at && unclosed_at == line_no - 1) {
      std::string_view next = trim(line);
      if (!next.empty() &&
          (next[0] == ')' || next[0] == '"' || next[0] == '\'' || next[0] == '(')) {
        found.pop_back();
      }
    }
    unclosed_at = 0;
    if (line.find("](") == std::string_view::npos) return true;
    // The last `[` before i and the backticks before it (an odd count: inside `code`).
    size_t open = std::string_view::npos, ticks = 0, open_ticks = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '`') ++ticks;
      if (line[i] == '[') {
        open = i, open_ticks = ticks;
        continue;
      }
      if (line[i] != ']' || i + 1 >= line.size() || line[i + 1] != '(') continue;
      const size_t address = i + 2;
      const size_t close = line.find(')', address);
      if (close == std::string_view::npos) {  // no address ends on this line
        std::string_view rest = trim(line.substr(address));
        if (open != std::string_view::npos && open_ticks % 2 == 0 && !rest.empty() &&
            rest.find(' ') == std::string_view::npos && looks_like_address(rest)) {
          const bool image = open > 0 && line[open - 1] == '!';
          const size_t from = image ? open - 1 : open;
          found.push_back({{line_no, char_column(line, static_cast<int>(from) + 1)},
                           image,
                           std::string(rest),
                           true});
          unclosed_at = line_no;
          if (found.size() == kMostSpacedLinks) return false;
        }
        break;
      }
      std::string_view written = line.substr(address, close - address);
      const size_t space = written.find(' ');
      i = close;  // read on after the address
      if (open == std::string_view::npos || open_ticks % 2 || written.empty() ||
          written[0] == '<' || space == std::string_view::npos) {
        continue;
      }
      std::string_view after = trim(written.substr(space));
      if (!after.empty() && (after[0] == '"' || after[0] == '\'' || after[0] == '(')) continue;
      written = trim(written);
      if (!looks_like_address(written)) continue;  // (some words), (see 2.1)
      const bool image = open > 0 && line[open - 1] == '!';
      const size_t from = image ? open - 1 : open;
      found.push_back(
          {{line_no, char_column(line, static_cast<int>(from) + 1)}, image, std::string(written)});
      if (found.size() == kMostSpacedLinks) return false;
      open = std::string_view::npos;
    }
    return true;
  });
  return found;
}

std::string address_without_spaces(std::string_view address) {
  std::string out;
  for (char c : address) {
    if (c != ' ') {
      out += c;
    } else if (out.empty() || out.back() != '-') {
      out += '-';
    }
  }
  return out;
}

void report_links_as_text(std::string_view body, int first_line, const std::string& path,
                          Diagnostics& diags) {
  // ![合照](/images/my photo.jpg): published as text, and the photo missing.
  for (const SpacedLink& link : find_spaced_links(body, first_line)) {
    if (link.unclosed) {  // ![合照](/images/a.jpg
      diags.warning(path, link.pos,
                    std::string(link.image ? "this image's" : "this link's") +
                        " address has no closing ), so the page shows it as text, not as " +
                        (link.image ? "the image" : "a link"),
                    "add ) after " + link.address);
      continue;
    }
    const bool web = link.address.find("://") != std::string::npos;  // https://…, not a file
    diags.warning(path, link.pos,
                  std::string(link.image ? "this image's" : "this link's") +
                      " address has a space, so the page shows it as text, not as " +
                      (link.image ? "the image" : "a link"),
                  web ? "write each space as %20: " + address_with_escaped_spaces(link.address)
                      : "give the file a name without spaces and write that: " +
                            address_without_spaces(link.address));
  }
  // [關於我們]（/about/）: published as it is written, brackets and all.
  for (const WideLink& link : find_wide_links(body, first_line)) {
    diags.warning(path, link.pos,
                  "this link is written with full-width brackets, so the page shows " +
                      link.written + " as text, not as a link",
                  "write it as " + link.meant);
  }
}

std::string address_with_escaped_spaces(std::string_view address) {
  std::string out;
  for (char c : address) out += c == ' ' ? std::string("%20") : std::string(1, c);
  return out;
}

}  // namespace firefly
