#include "core/yaml_simple.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "core/text.h"

namespace firefly {

namespace {

using Kind = YamlEvent::Kind;

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

/// A character that gives a plain scalar another meaning when it comes first.
bool is_indicator(char c) { return std::strchr("-?:,[]{}#&*!|>'\"%@`~", c) != nullptr; }

/// What a byte of a plain scalar is to plain().
enum class PlainByte : unsigned char { kText, kSpace, kEnd, kRefused, kColon };

constexpr std::array<PlainByte, 256> plain_byte_classes(bool flow) {
  std::array<PlainByte, 256> classes{};
  classes[' '] = PlainByte::kSpace;
  classes['#'] = PlainByte::kRefused;
  if (flow) {
    for (char c : {',', '}', ']'}) classes[static_cast<unsigned char>(c)] = PlainByte::kEnd;
    for (char c : {':', '[', '{', '"', '\''}) {
      classes[static_cast<unsigned char>(c)] = PlainByte::kRefused;
    }
  } else {
    classes[':'] = PlainByte::kColon;
  }
  return classes;
}
constexpr std::array<PlainByte, 256> kFlowPlainBytes = plain_byte_classes(true);
constexpr std::array<PlainByte, 256> kBlockPlainBytes = plain_byte_classes(false);

/// Reads the plain shapes line by line; any doubt makes it give up (false).
class Reader {
 public:
  explicit Reader(std::string_view text) : t_(text) { events.reserve(32); }

  bool run() {
    if (!clean()) return false;
    skip_blank_lines(true);
    if (at_ >= t_.size()) return false;
    size_t start = emit(Kind::kMapStart, at_);
    while (at_ < t_.size()) {
      if (!entry()) return false;
      ++events[start].members;
      skip_blank_lines(true);
    }
    emit(Kind::kMapEnd, at_);
    return true;
  }

  std::vector<YamlEvent> events;

 private:
  std::string_view t_;
  size_t at_ = 0, line_start_ = 0;
  int line_ = 0;

  /// No byte that YAML reads as a line break, a byte order mark or a control character
  /// other than the line feed (yaml-cpp's rules for those are its own). Eight bytes at a
  /// time while they are all printable ASCII (every page's front matter is read here),
  /// byte by byte otherwise.
  bool clean() const {
    const size_t n = t_.size();
    const auto* bytes = reinterpret_cast<const unsigned char*>(t_.data());
    for (size_t i = 0; i < n;) {
      size_t stop = std::min(n, i + 8);
      if (stop == i + 8 && eight_ascii(bytes + i)) {
        std::uint64_t w;
        std::memcpy(&w, bytes + i, 8);
        // No byte below 0x20, and none 0x7F (none of w ^ 0x7F..7F is 0).
        if (!has_byte_below(w, 0x20) && !has_byte_below(w ^ 0x7F7F7F7F7F7F7F7Fu, 1)) {
          i = stop;
          continue;
        }
      }
      for (; i < stop; ++i) {
        if (!clean_at(i)) return false;
      }
    }
    return true;
  }

  /// Whether the byte at `i` (and a sequence it starts) is allowed, as clean() says.
  bool clean_at(size_t i) const {
    unsigned char c = static_cast<unsigned char>(t_[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7F) return false;
    if (c == 0xEF || c == 0xC2 || c == 0xE2) {
      std::string_view rest = t_.substr(i);
      if (rest.rfind("\xEF\xBB\xBF", 0) == 0 || rest.rfind("\xC2\x85", 0) == 0 ||
          rest.rfind("\xE2\x80\xA8", 0) == 0 || rest.rfind("\xE2\x80\xA9", 0) == 0) {
        return false;
      }
    }
    return true;
  }

  /// Adds an event; returns its index (a start event's members are counted on it).
  size_t emit(Kind kind, size_t offset, std::string_view text = {}, bool quoted = false) {
    events.push_back({kind, static_cast<int>(offset), line_, static_cast<int>(offset - line_start_),
                      quoted, 0, text});
    return events.size() - 1;
  }

  size_t line_end() const {
    size_t e = t_.find('\n', at_);
    return e == std::string_view::npos ? t_.size() : e;
  }

  void next_line() {
    at_ = line_end();
    if (at_ < t_.size()) {
      ++at_;
      ++line_;
      line_start_ = at_;
    }
  }

  /// Skips lines of spaces only, and with `comments` lines starting with `#`.
  void skip_blank_lines(bool comments) {
    while (at_ < t_.size()) {
      std::string_view l = t_.substr(at_, line_end() - at_);
      bool blank = l.find_first_not_of(' ') == std::string_view::npos;
      if (!blank && !(comments && l[0] == '#')) return;
      if (line_end() >= t_.size()) {
        at_ = t_.size();
        return;
      }
      next_line();
    }
  }

  /// `key: value` at the margin (at_ is at its start), or `key:` and a block list.
  bool entry() {
    size_t start = at_, end = line_end();
    while (at_ < end && is_key_char(t_[at_])) ++at_;
    if (at_ == start || at_ >= end || t_[at_] != ':' || t_[start] == '-' || t_[start] == '.' ||
        at_ - start > 200) {
      return false;
    }
    emit(Kind::kScalar, start, t_.substr(start, at_ - start));
    ++at_;  // the colon
    size_t value = at_;
    while (value < end && t_[value] == ' ') ++value;
    if (value == end) {
      next_line();
      return block_list();
    }
    if (value == at_) return false;  // "key:value"
    at_ = value;
    return node(end, false) && rest_is_blank(end);
  }

  bool rest_is_blank(size_t end) {
    while (at_ < end && t_[at_] == ' ') ++at_;
    if (at_ != end) return false;
    next_line();
    return true;
  }

  /// A block list under a key: `- item` lines at one indentation.
  bool block_list() {
    size_t indent = 0, start = 0;
    bool first = true;
    while (at_ < t_.size()) {
      size_t end = line_end(), i = at_;
      while (i < end && t_[i] == ' ') ++i;
      if (i == end) {  // a blank line
        if (first) return false;
        next_line();
        continue;
      }
      if (!first && i == at_ && t_[i] != '-') break;  // the next key
      if (t_[i] != '-' || i + 1 >= end || t_[i + 1] != ' ' || (!first && i - at_ != indent)) {
        return false;
      }
      if (first) {
        indent = i - at_;
        start = emit(Kind::kListStart, i);
        first = false;
      }
      at_ = i + 1;
      while (at_ < end && t_[at_] == ' ') ++at_;
      if (at_ == end || !node(end, false) || !rest_is_blank(end)) return false;
      ++events[start].members;
    }
    if (first) return false;
    emit(Kind::kListEnd, at_);
    return true;
  }

  /// A value from at_: a quoted or plain scalar, or a one-line flow map or list of them.
  bool node(size_t end, bool flow) {
    char c = t_[at_];
    if (c == '{' || c == '[') return !flow && collection(end, c == '{');
    if (c == '"' || c == '\'') return quoted(end);
    return plain(end, flow);
  }

  bool quoted(size_t end) {
    char q = t_[at_];
    size_t close = t_.find(q, at_ + 1);
    if (close == std::string_view::npos || close >= end) return false;
    std::string_view inside = t_.substr(at_ + 1, close - at_ - 1);
    if (q == '"' && inside.find('\\') != std::string_view::npos) return false;
    if (q == '\'' && close + 1 < end && t_[close + 1] == '\'') return false;  // an escaped quote
    emit(Kind::kScalar, at_, inside, true);
    at_ = close + 1;
    return true;
  }

  bool plain(size_t end, bool flow) {
    if (is_indicator(t_[at_])) return false;
    size_t start = at_, last = at_;  // last: one past the last character that is not a space
    // Each byte's class looked up (most are none of these): in a flow collection `,` `}`
    // `]` end the scalar and `:` `[` `{` `"` `'` are refused; `#` always is; outside one,
    // `:` is refused before a space or the line's end.
    const std::array<PlainByte, 256>& classes = flow ? kFlowPlainBytes : kBlockPlainBytes;
    for (; at_ < end; ++at_) {
      PlainByte k = classes[static_cast<unsigned char>(t_[at_])];
      if (k == PlainByte::kText) {
        last = at_ + 1;
        continue;
      }
      if (k == PlainByte::kSpace) continue;
      if (k == PlainByte::kEnd) break;
      if (k == PlainByte::kRefused) return false;
      if (at_ + 1 == end || t_[at_ + 1] == ' ') return false;  // kColon
      last = at_ + 1;
    }
    emit(Kind::kScalar, start, t_.substr(start, last - start));
    at_ = last;
    return true;
  }

  /// `{key: value, ...}` or `[value, ...]` on one line, of scalars.
  bool collection(size_t end, bool map) {
    size_t start = emit(map ? Kind::kMapStart : Kind::kListStart, at_);
    char close = map ? '}' : ']';
    ++at_;
    auto spaces = [&] {
      while (at_ < end && t_[at_] == ' ') ++at_;
    };
    spaces();
    if (at_ < end && t_[at_] == close) {
      ++at_;
      emit(map ? Kind::kMapEnd : Kind::kListEnd, at_);
      return true;
    }
    while (true) {
      if (at_ >= end) return false;
      if (map) {
        size_t key = at_;
        while (at_ < end && is_key_char(t_[at_])) ++at_;
        if (at_ == key || t_[key] == '-' || t_[key] == '.' || at_ + 1 >= end || t_[at_] != ':' ||
            t_[at_ + 1] != ' ') {
          return false;
        }
        emit(Kind::kScalar, key, t_.substr(key, at_ - key));
        ++at_;
        spaces();
        if (at_ >= end) return false;
      }
      if (!node(end, true)) return false;
      ++events[start].members;
      spaces();
      if (at_ >= end) return false;
      if (t_[at_] == close) {
        ++at_;
        emit(map ? Kind::kMapEnd : Kind::kListEnd, at_);
        return true;
      }
      if (t_[at_] != ',') return false;
      ++at_;
      spaces();
      if (at_ < end && t_[at_] == close) return false;  // a trailing comma
    }
  }
};

}  // namespace

std::optional<std::vector<YamlEvent>> simple_yaml_events(std::string_view text) {
  Reader reader(text);
  if (!reader.run()) return std::nullopt;
  return std::move(reader.events);
}

}  // namespace firefly
