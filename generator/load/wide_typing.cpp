#include "load/wide_typing.h"

#include "core/text.h"
#include "load/markdown_lines.h"

namespace firefly {

namespace {

constexpr std::string_view kWideColon = "\xEF\xBC\x9A";  // ：
constexpr std::string_view kWideSpace = "\xE3\x80\x80";  // the ideographic space

/// `s` without spaces (ASCII and full-width) at either end.
std::string_view trim_spaces(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
      s.remove_prefix(1);
    } else if (s.substr(0, 3) == kWideSpace) {
      s.remove_prefix(3);
    } else if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == kWideSpace) {
      s.remove_suffix(3);
    } else {
      return s;
    }
  }
}

/// A field name as front matter writes them: ASCII letters, digits, '_' and '-'.
bool is_field_name(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!letter && c != '_' && c != '-') return false;
  }
  return true;
}

/// Calls `fn(line, number)` for each line of `text`, the first numbered `first`, until `fn`
/// returns false.
template <class Fn>
void each_line(std::string_view text, int first, Fn&& fn) {
  int number = first;
  for (size_t at = 0; at < text.size(); ++number) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    if (!fn(text.substr(at, end - at), number)) return;
    at = end + 1;
  }
}

}  // namespace

bool is_wide_fence(std::string_view line) {
  line = trim_spaces(line);
  // － (U+FF0D), — (U+2014), ― (U+2015), ─ (U+2500), ー (U+30FC): three bytes each.
  static constexpr std::string_view kDashes[] = {"\xEF\xBC\x8D", "\xE2\x80\x94", "\xE2\x80\x95",
                                                 "\xE2\x94\x80", "\xE3\x83\xBC"};
  if (line.size() < 9 || line.size() % 3 != 0) return false;
  for (size_t i = 0; i < line.size(); i += 3) {
    bool dash = false;
    for (std::string_view d : kDashes) dash = dash || line.substr(i, 3) == d;
    if (!dash) return false;
  }
  return true;
}

bool report_wide_typing(std::string_view yaml, const std::string& path, int line_offset,
                        Diagnostics& diags) {
  bool found = false;
  each_line(yaml, line_offset + 1, [&](std::string_view line, int line_no) {
    if (line.substr(0, 3) == kWideSpace) {
      found = true;
      diags.error(path, {line_no, 1},
                  "this line starts with a full-width space (　), which YAML does not read as "
                  "a space",
                  "delete it (a field at the margin needs no space before it)");
      return true;
    }
    size_t colon = line.find(kWideColon);
    if (colon == std::string_view::npos || line.find(':') < colon) return true;
    std::string_view name = trim_spaces(line.substr(0, colon));
    if (!is_field_name(name) || line[0] == ' ' || line[0] == '\t') return true;
    found = true;
    std::string_view value = trim_spaces(line.substr(colon + kWideColon.size()));
    diags.error(path, {line_no, char_column(line, static_cast<int>(colon) + 1)},
                "the colon after '" + std::string(name) +
                    "' is full-width (：); YAML needs a half-width colon and a space",
                "write it as `" + std::string(name) + ": " + std::string(value) + "`");
    return true;
  });
  return found;
}

std::vector<WideLink> find_wide_links(std::string_view body, int first_line) {
  constexpr std::string_view kOpen = "\xEF\xBC\xBB", kClose = "\xEF\xBC\xBD";  // ［ ］
  constexpr std::string_view kParen = "\xEF\xBC\x88", kEnd = "\xEF\xBC\x89";   // （ ）
  // 【】, 「」 and 〔〕, which Chinese input methods type for [ and ]: also quotation marks
  // and brackets of their own, so only before an address that looks like one.
  constexpr std::string_view kOthers[][2] = {{"\xE3\x80\x90", "\xE3\x80\x91"},
                                             {"\xE3\x80\x8C", "\xE3\x80\x8D"},
                                             {"\xE3\x80\x94", "\xE3\x80\x95"}};
  auto other = [&](std::string_view at, int side) {
    for (const auto& pair : kOthers) {
      if (at.substr(0, 3) == pair[side]) return true;
    }
    return false;
  };
  auto looks_like_address = [](std::string_view a) {
    return starts_with(a, "/") || starts_with(a, "./") || starts_with(a, "../") ||
           starts_with(a, "http://") || starts_with(a, "https://") || starts_with(a, "www.") ||
           starts_with(a, "mailto:") || a.find(".md") != std::string_view::npos;
  };
  std::vector<WideLink> found;
  each_prose_line(body, first_line, [&](std::string_view line, int line_no) {
    // A full-width parenthesis, or a ( after a full-width or input-method closing bracket
    // (］( 】( 」( 〕(): most lines have neither, Chinese ones included.
    bool may_have = line.find(kParen) != std::string_view::npos;
    for (size_t p = line.find('('); !may_have && p != std::string_view::npos;
         p = line.find('(', p + 1)) {
      may_have = p >= 3 && (line.substr(p - 3, 3) == kClose || other(line.substr(p - 3), 1));
    }
    if (!may_have) return true;
    // Each closing bracket followed by an opening parenthesis, one of them full-width.
    // The last bracket that opened a text before i (tracked, not looked back for: a line of
    // a million closing brackets is read once).
    size_t open = std::string_view::npos, open_len = 0;
    size_t ticks = 0, open_ticks = 0;  // backticks before i, and before `open`
    for (size_t i = 0; i < line.size(); ++i) {
      const auto c = static_cast<unsigned char>(line[i]);
      if (c != '`' && c != '[' && c != ']' && c != 0xE3 && c != 0xEF) continue;  // most bytes
      if (line[i] == '`') ++ticks;
      if (line[i] == '[' || line.substr(i, 3) == kOpen || other(line.substr(i), 0)) {
        open = i, open_len = line[i] == '[' ? 1 : 3, open_ticks = ticks;
        continue;
      }
      const bool quote_like = other(line.substr(i), 1);
      size_t close_len = line[i] == ']' ? 1 : line.substr(i, 3) == kClose || quote_like ? 3 : 0;
      if (close_len == 0) continue;
      size_t paren = i + close_len;
      size_t paren_len = line.substr(paren, 1) == "(" ? 1 : line.substr(paren, 3) == kParen ? 3 : 0;
      if (paren_len == 0 || (close_len == 1 && paren_len == 1)) continue;
      // The parenthesis that ends the address.
      size_t address = paren + paren_len, stop = address;
      size_t end_len = 0;
      // An address: printable ASCII (a note in parentheses after a bracket is not one).
      while (stop < line.size()) {
        if (line[stop] == ')') {
          end_len = 1;
          break;
        }
        if (line.substr(stop, 3) == kEnd) {
          end_len = 3;
          break;
        }
        auto c = static_cast<unsigned char>(line[stop]);
        if (c <= ' ' || c >= 0x7F) break;
        ++stop;
      }
      if (open == std::string_view::npos || end_len == 0 || stop == address) continue;
      if (quote_like && !looks_like_address(line.substr(address, stop - address))) continue;
      // Inside `code`, as an example of how not to write a link.
      if (open_ticks % 2) continue;
      std::string_view text = line.substr(open + open_len, i - open - open_len);
      std::string_view target = line.substr(address, stop - address);
      found.push_back({{line_no, char_column(line, static_cast<int>(open) + 1)},
                       std::string(line.substr(open, stop + end_len - open)),
                       "[" + std::string(text) + "](" + std::string(target) + ")"});
      if (found.size() == kMostWideLinks) return false;
      for (size_t k = i + 1; k < stop + end_len; ++k) ticks += line[k] == '`';
      i = stop + end_len - 1;
    }
    return true;
  });
  return found;
}

}  // namespace firefly
