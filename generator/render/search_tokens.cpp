#include "render/search_tokens.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "core/locale.h"
#include "core/text.h"

namespace firefly {

namespace {

/// Elements whose content is not text a reader reads.
bool skipped_element(std::string_view name) {
  return name == "script" || name == "style" || name == "svg" || name == "template";
}

/// Elements that start a new block of text: p, li, td, th, dt, dd, br, tr, ul, ol, hr,
/// h1-h6, pre, div, table, caption, blockquote, figcaption (by length first: every tag of
/// every page is tested).
bool block_element(std::string_view name) {
  switch (name.size()) {
    case 1:
      return name[0] == 'p';
    case 2:
      switch ((static_cast<unsigned char>(name[0]) << 8) | static_cast<unsigned char>(name[1])) {
        case ('l' << 8) | 'i':
        case ('t' << 8) | 'd':
        case ('t' << 8) | 'h':
        case ('d' << 8) | 't':
        case ('d' << 8) | 'd':
        case ('b' << 8) | 'r':
        case ('t' << 8) | 'r':
        case ('u' << 8) | 'l':
        case ('o' << 8) | 'l':
        case ('h' << 8) | 'r':
          return true;
        default:
          return name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
      }
    case 3:
      return name == "pre" || name == "div";
    case 5:
      return name == "table";
    case 7:
      return name == "caption";
    case 10:
      return name == "blockquote" || name == "figcaption";
    default:
      return false;
  }
}

bool heading_element(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

/// Appends the UTF-8 of code point `c` (nothing for invalid ones).
void append_utf8(std::string& out, unsigned long c) {
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

/// Decodes the entity at html[i] == '&'; returns the bytes it took (0 when not one).
size_t decode_entity(std::string_view html, size_t i, std::string& out) {
  size_t semi = html.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return 0;
  std::string_view name = html.substr(i + 1, semi - i - 1);
  if (!name.empty() && name[0] == '#') {
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty()) return 0;
    char* end = nullptr;
    unsigned long c = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (*end) return 0;
    append_utf8(out, c);
    return semi - i + 1;
  }
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  for (const auto& [n, text] : kNamed) {
    if (name == n) {
      out += text;
      return semi - i + 1;
    }
  }
  return 0;
}

/// The decoded value of the double-quoted attribute `name` of a tag ("" when absent).
std::string attribute_text(std::string_view tag, std::string_view name) {
  std::string text;
  for (size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
    size_t eq = at + name.size();
    bool starts = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\n' || tag[at - 1] == '\t');
    if (!starts || tag.substr(eq, 2) != "=\"") continue;
    size_t close = tag.find('"', eq + 2);
    if (close == std::string_view::npos) return "";
    for (size_t i = eq + 2; i < close;) {
      size_t used = tag[i] == '&' ? decode_entity(tag, i, text) : 0;
      if (used) {
        i += used;
      } else {
        text += tag[i++];
      }
    }
    return text;
  }
  return text;
}

/// Replaces the line breaks and tabs of [p, end) with spaces, skipping eight bytes at a
/// time where none is below 0x0E (every page's text passes through here).
void spaces_for_breaks(char* p, char* end) {
  auto replace = [](char& c) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  };
  for (; end - p >= 8; p += 8) {
    uint64_t eight;
    std::memcpy(&eight, p, 8);
    if (!has_byte_below(eight, 0x0E)) continue;
    for (int k = 0; k < 8; ++k) replace(p[k]);
  }
  for (; p != end; ++p) replace(*p);
}

}  // namespace

std::vector<TextBlock> html_text_blocks(std::string_view html) {
  std::vector<TextBlock> blocks;
  TextBlock current;
  int skipping = 0;     // depth inside skipped elements
  std::string picture;  // the name of the role="img" element we are in, if any
  int picture_depth = 0;
  auto flush = [&] {
    std::string_view t = trim(current.text);
    if (!t.empty()) blocks.push_back({std::string(t), current.heading});
    current = {};
  };
  for (size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c == '<') {
      size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      std::string_view tag = html.substr(i + 1, close - i - 1);
      i = close + 1;
      if (tag.empty() || tag[0] == '!' || tag[0] == '?') continue;
      bool end = tag[0] == '/';
      if (end) tag.remove_prefix(1);
      size_t name_end = 0;
      while (name_end < tag.size() && std::isalnum(static_cast<unsigned char>(tag[name_end]))) {
        ++name_end;
      }
      // The name in lower case: on the stack (every tag of every page is read here).
      char short_name[16];
      std::string long_name;
      std::string_view name;
      if (name_end <= sizeof short_name) {
        for (size_t k = 0; k < name_end; ++k) {
          char c = tag[k];
          short_name[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
        name = std::string_view(short_name, name_end);
      } else {
        long_name = ascii_lower(tag.substr(0, name_end));
        name = long_name;
      }
      bool self_closing = !tag.empty() && tag.back() == '/';
      if (skipped_element(name)) {
        if (end) {
          if (skipping > 0) --skipping;
        } else if (!self_closing) {
          ++skipping;
        }
        continue;
      }
      if (!picture.empty()) {  // inside a role="img" element: its text is drawn, not read
        if (name == picture) picture_depth += end ? -1 : (self_closing ? 0 : 1);
        if (picture_depth == 0) picture.clear();
        continue;
      }
      if (skipping) continue;
      if (!end && !self_closing &&
          (tag.find("role=\"img\"") != std::string_view::npos ||
           tag.find("data-search-ignore") != std::string_view::npos)) {
        picture = name;
        picture_depth = 1;
        continue;
      }
      if (block_element(name)) {
        flush();
        if (!end && heading_element(name)) current.heading = true;
      }
      if (!end && name == "img") {  // an image's alt text is what it says to a reader
        std::string alt = attribute_text(tag, "alt");
        if (!trim(alt).empty()) {
          flush();
          current.text = std::move(alt);
          flush();
        }
      }
      continue;
    }
    if (skipping || !picture.empty()) {
      i = std::min(html.find('<', i), html.size());
      continue;
    }
    if (c == '&') {
      size_t used = decode_entity(html, i, current.text);
      i += used ? used : 1;
      if (!used) current.text += '&';
      continue;
    }
    // The text up to the next tag or entity, with line breaks and tabs as spaces (each
    // found by memchr: find_first_of calls memchr for every byte).
    const char* rest = html.data() + i;
    size_t left = html.size() - i;
    const void* lt = std::memchr(rest, '<', left);
    size_t stop = lt ? static_cast<size_t>(static_cast<const char*>(lt) - rest) : left;
    if (const void* amp = std::memchr(rest, '&', stop)) {
      stop = static_cast<size_t>(static_cast<const char*>(amp) - rest);
    }
    stop += i;
    size_t from = current.text.size();
    current.text.append(html, i, stop - i);
    spaces_for_breaks(current.text.data() + from, current.text.data() + current.text.size());
    i = stop;
  }
  flush();
  return blocks;
}

namespace detail {

bool thai_syllable_start(uint32_t c) {
  return (c >= 0x0E01 && c <= 0x0E2E) || (c >= 0x0E40 && c <= 0x0E44);
}

}  // namespace detail

void search_tokens(std::string_view text, uint32_t* pos, const TokenSink& sink) {
  for_each_search_token(text, pos, sink);
}

}  // namespace firefly
