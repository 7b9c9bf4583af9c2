#include "load/front_matter.h"

#include <algorithm>
#include <vector>

#include "core/text.h"
#include "core/yaml.h"
#include "load/wide_typing.h"

namespace firefly {

namespace {

bool is_fence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---";
}

/// The number of hyphens of a line of two or of four to eight hyphens and nothing else (a
/// fence typed with one too few or too many), else 0.
size_t miscounted_fence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.size() < 2 || line.size() > 8 || line.size() == 3) return 0;
  return line.find_first_not_of('-') == std::string_view::npos ? line.size() : 0;
}

/// A line that may belong to front matter: indented, a `#` comment, a `- ` item or a
/// `key:` (followed by a space or nothing).
bool may_be_front_matter(std::string_view line) {
  if (line.empty()) return false;
  if (line[0] == ' ' || line[0] == '\t' || line[0] == '#') return true;
  if (line == "-" || line.substr(0, 2) == "- ") return true;
  size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  return colon + 1 == line.size() || line[colon + 1] == ' ' || line[colon + 1] == '\t';
}

/// The lines of `text` from byte `pos` on, each with its start.
struct Line {
  std::string_view text;
  size_t start = 0, next = 0;  ///< `next` is text.size() + 1 past the last line
};
std::vector<Line> lines_of(std::string_view text, size_t pos) {
  std::vector<Line> out;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    out.push_back({text.substr(pos, end - pos), pos, end + 1});
    pos = end + 1;
  }
  if (!out.empty() && out.back().text.empty() && out.back().start == text.size()) out.pop_back();
  return out;
}

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text, const std::string& path,
                                    Diagnostics& diags) {
  FrontMatterSplit out;
  size_t first_end = text.find('\n');
  const bool wide = is_wide_fence(text.substr(0, first_end));
  // `--` or `----` above a line of front matter: meant as its start.
  size_t first_dashes = miscounted_fence(text.substr(0, first_end));
  if (first_dashes && first_end != std::string_view::npos) {
    std::string_view next = text.substr(first_end + 1);
    next = next.substr(0, next.find('\n'));
    if (!may_be_front_matter(next) || next.find(':') == std::string_view::npos) first_dashes = 0;
  }
  if (!is_fence(text.substr(0, first_end)) && !wide && !first_dashes) {
    // Empty lines above a `---`: meant as front matter, which must start on line 1.
    size_t at = 0;
    int blank = 0;
    while (at < text.size()) {
      size_t end = text.find('\n', at);
      std::string_view line = text.substr(at, end == std::string_view::npos ? end : end - at);
      if (line.find_first_not_of(" \t") != std::string_view::npos) break;
      ++blank;
      at = end == std::string_view::npos ? text.size() : end + 1;
    }
    size_t fence_end = text.find('\n', at);
    if (blank > 0 && at < text.size() && fence_end != std::string_view::npos &&
        is_fence(text.substr(at, fence_end - at))) {
      Diagnostics inner;
      FrontMatterSplit moved = split_front_matter(text.substr(at), path, inner);
      std::string_view first = moved.yaml.substr(0, moved.yaml.find('\n'));
      if (moved.closed && may_be_front_matter(first) && first.find(':') != std::string::npos) {
        diags.error(path, {blank + 1, 1},
                    "this '---' has " + std::to_string(blank) +
                        (blank == 1 ? " empty line" : " empty lines") +
                        " above it: front matter must start on the very first line of the file",
                    "remove the empty lines above it");
        moved.yaml_line += blank;
        moved.body_line += blank;
        return moved;
      }
    }
    out.body = text;
    return out;
  }
  size_t start = first_end == std::string_view::npos ? text.size() : first_end + 1;
  out.yaml_line = 1;
  auto wide_fence = [&](int line) {
    diags.error(path, {line, 1},
                "this line is written with full-width dashes; front matter starts and ends "
                "with a line of three hyphens",
                "write it as `---` (switch the input method to half-width)");
  };
  auto miscounted = [&](int line, size_t dashes) {
    diags.error(path, {line, 1},
                "this line has " + std::to_string(dashes) +
                    " hyphens; front matter starts and ends with a line of exactly three",
                "write it as `---`");
  };
  if (wide) wide_fence(1);
  if (first_dashes) miscounted(1, first_dashes);
  // The lines of lines_of(text, start), read one by one up to the closing fence: the body
  // after it is not split into lines here.
  size_t i = 0;
  for (size_t pos = start; pos <= text.size(); ++i) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const Line line{text.substr(pos, end - pos), pos, end + 1};
    if (line.text.empty() && line.start == text.size()) break;  // after the last line break
    const bool wide_line = is_wide_fence(line.text);
    if (wide_line) wide_fence(static_cast<int>(i) + 2);
    const size_t dashes = miscounted_fence(line.text);
    if (dashes) miscounted(static_cast<int>(i) + 2, dashes);
    if (is_fence(line.text) || line.text == "..." || wide_line || dashes) {
      out.yaml = text.substr(start, line.start - start);
      out.body = line.next > text.size() ? std::string_view() : text.substr(line.next);
      out.body_line = static_cast<int>(i) + 3;
      return out;
    }
    pos = line.next;
  }
  // Never closed: the body is taken to start at the first line that cannot be front matter
  // (after the blank lines there), so that its links and images are still checked.
  std::vector<Line> lines = lines_of(text, start);
  out.closed = false;
  size_t end = 0;
  while (end < lines.size() && may_be_front_matter(lines[end].text)) ++end;
  size_t body = end;
  while (body < lines.size() && lines[body].text.find_first_not_of(" \t") == std::string::npos) {
    ++body;
  }
  size_t yaml_end = end < lines.size() ? lines[end].start : text.size();
  out.yaml = text.substr(start, yaml_end - start);
  out.body = body < lines.size() ? text.substr(lines[body].start) : std::string_view();
  out.body_line = static_cast<int>(body) + 2;
  std::string help = "add a line with only '---' after the last front-matter field";
  if (body < lines.size()) {
    help += "; until then the lines from line " + std::to_string(out.body_line) +
            " on are read as the page's text";
  }
  diags.error(path, {1, 1}, "the front matter that starts here with '---' is never closed",
              std::move(help));
  return out;
}

namespace {

/// The key of a line at the margin written `key:` (followed by a space or nothing), or "".
std::string_view margin_key(std::string_view line) {
  if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-') {
    return "";
  }
  size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos) return "";
  if (colon + 1 < line.size() && line[colon + 1] != ' ' && line[colon + 1] != '\t') return "";
  std::string_view key = line.substr(0, colon);
  if (key.find_first_of("\"'{[") != std::string_view::npos) return "";
  return key;
}

/// Where the quote `q` opened before `from` closes in `text` (from `from` on), or npos.
size_t closing_quote(std::string_view text, size_t from, char q) {
  for (size_t i = from; i < text.size(); ++i) {
    if (q == '"' && text[i] == '\\') {
      ++i;  // an escaped character
    } else if (text[i] == q) {
      if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is a quote inside single quotes
      } else {
        return i;
      }
    }
  }
  return std::string_view::npos;
}

/// Calls `fn(i, key, line, at)` for each line `i` of `lines` that is a top-level `key:` with
/// a value, which starts at byte `at` of `line`, until `fn` returns false.
template <class Fn>
void each_margin_value(const std::vector<Line>& lines, Fn fn) {
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view key = margin_key(lines[i].text);
    if (key.empty()) continue;
    std::string_view line = lines[i].text;
    size_t at = line.find_first_not_of(" \t", key.size() + 1);
    if (at != std::string_view::npos && !fn(i, key, line, at)) return;
  }
}

}  // namespace

std::optional<UnclosedQuote> find_unclosed_quote(std::string_view yaml, int line_offset) {
  std::vector<Line> lines = lines_of(yaml, 0);
  std::optional<UnclosedQuote> found;
  each_margin_value(lines, [&](size_t i, std::string_view key, std::string_view line, size_t at) {
    if (line[at] != '"' && line[at] != '\'') return true;
    if (closing_quote(line, at + 1, line[at]) != std::string_view::npos) return true;
    // Not closed on its line: the lines it would run into, up to the one that closes it.
    for (size_t j = i + 1; j < lines.size(); ++j) {
      std::string_view next = margin_key(lines[j].text);
      if (!next.empty()) {
        found = UnclosedQuote{
            {line_offset + static_cast<int>(i) + 1, char_column(line, static_cast<int>(at) + 1)},
            std::string(key),
            std::string(next)};
        return false;
      }
      if (closing_quote(lines[j].text, 0, line[at]) != std::string_view::npos) break;
    }
    return true;
  });
  return found;
}

std::vector<CommentValue> find_comment_values(std::string_view yaml, int line_offset) {
  std::vector<CommentValue> out;
  if (yaml.find('#') == std::string_view::npos) return out;  // most front matter
  each_margin_value(lines_of(yaml, 0), [&](size_t i, std::string_view key, std::string_view line,
                                           size_t at) {
    if (line[at] == '#' && at + 1 < line.size() && line[at + 1] != ' ' && line[at + 1] != '\t') {
      out.push_back(
          {{line_offset + static_cast<int>(i) + 1, char_column(line, static_cast<int>(at) + 1)},
           std::string(key),
           std::string(trim(line.substr(at)))});
    }
    return true;
  });
  return out;
}

Value readable_entries(std::string_view yaml, const std::string& path, int line_offset) {
  Map out;
  std::vector<Line> lines = lines_of(yaml, 0);
  size_t i = 0;
  while (i < lines.size()) {
    size_t j = i + 1;
    auto continues = [](std::string_view l) {
      return l.empty() || l[0] == ' ' || l[0] == '\t' || l[0] == '#' || l[0] == '-';
    };
    while (j < lines.size() && continues(lines[j].text)) ++j;
    size_t end = j < lines.size() ? lines[j].start : yaml.size();
    std::string_view text = yaml.substr(lines[i].start, end - lines[i].start);
    // May be an alias (see the header), or a key after a full-width space (reported).
    if (text.find('*') != std::string_view::npos || text.substr(0, 3) == "\xE3\x80\x80") {
      i = j;
      continue;
    }
    Diagnostics ignored;
    Value entry = parse_yaml(text, path, ignored, line_offset + static_cast<int>(i));
    if (!ignored.has_errors() && entry.is_map()) {
      for (const auto& kv : entry.as_map()) {
        bool taken =
            std::any_of(out.begin(), out.end(), [&](const auto& o) { return o.first == kv.first; });
        if (!taken) out.emplace_back(kv);
      }
    }
    i = j;
  }
  Value result(std::move(out));
  result.pos = {line_offset + 1, 1};
  return result;
}

}  // namespace firefly
