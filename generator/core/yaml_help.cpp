#include "core/yaml_help.h"

#include <utility>

#include "core/text.h"
#include "core/yaml.h"

namespace firefly::detail {

bool check_tabs(std::string_view text, const std::string& path, Diagnostics& diags,
                int line_offset) {
  int line = 1;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string_view l =
        text.substr(start, end == std::string_view::npos ? text.npos : end - start);
    for (size_t i = 0; i < l.size() && (l[i] == ' ' || l[i] == '\t' || l[i] == '-'); ++i) {
      if (l[i] == '\t') {
        diags.error(path, {line + line_offset, static_cast<int>(i) + 1},
                    "a tab character is used for indentation; YAML allows only spaces",
                    "replace the tab with spaces");
        return false;
      }
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
    ++line;
  }
  return true;
}

std::string colon_in_value_help(std::string_view text, int line) {
  std::string_view l = nth_line(text, line + 1);  // yaml-cpp counts lines from 0
  size_t at = l.find_first_not_of(' ');
  if (at != std::string_view::npos && l.compare(at, 2, "- ") == 0) at += 2;
  size_t colon = l.find(": ", at);
  if (at == std::string_view::npos || colon == std::string_view::npos) return "";
  std::string_view key = l.substr(at, colon - at);
  std::string_view value = trim(l.substr(colon + 2));
  if (key.empty() || key.find_first_of("\"'[{#") != std::string_view::npos || value.empty() ||
      std::string_view("\"'[{|>").find(value.front()) != std::string_view::npos ||
      value.find(": ") == std::string_view::npos) {
    return "";
  }
  // “…” or ‘…’, as a word processor or a phone types quotes: YAML reads them as text, so
  // the value is not quoted at all. The help keeps the words and straightens the quotes.
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"\u201C", "\u201D"},
                             {"\u2018", "\u2019"},
                             {"\u201D", "\u201D"},
                             {"\u201E", "\u201C"}}) {
    if (value.size() > open.size() + close.size() && value.starts_with(open) &&
        value.ends_with(close)) {
      std::string_view inner = value.substr(open.size(), value.size() - open.size() - close.size());
      return "the quotes around the value are curly (" + std::string(open) + std::string(close) +
             "), which YAML reads as part of the text, so its colon starts another key; write "
             "straight quotes: " +
             std::string(key) + ": " + yaml_quoted(inner);
    }
  }
  return "a colon followed by a space inside a value starts another key; put the value in "
         "quotes: " +
         std::string(key) + ": " + yaml_quoted(value);
}

std::string reserved_start_help(std::string_view text, size_t at) {
  if (at >= text.size() || std::string_view("%@`").find(text[at]) == std::string_view::npos) {
    return "";
  }
  size_t end = text.find_first_of(",}]\n#", at);
  std::string_view value = trim(text.substr(at, end == std::string_view::npos ? end : end - at));
  // The key: the word before the ": " that ends just before the value.
  std::string key;
  size_t colon = text.rfind(": ", at);
  size_t line = text.rfind('\n', at);
  if (colon != std::string_view::npos && colon > 0 &&
      (line == std::string_view::npos || colon > line) &&
      trim(text.substr(colon + 1, at - colon - 1)).empty()) {
    size_t from = text.find_last_of(" {,\n", colon - 1);
    from = from == std::string_view::npos ? 0 : from + 1;
    key = std::string(trim(text.substr(from, colon - from)));
  }
  std::string quoted = (key.empty() ? "" : key + ": ") + yaml_quoted(value);
  std::string help = "YAML does not let a value start with " + std::string(1, text[at]) +
                     ": put it in quotes, " + quoted;
  if (key == "unit" && value == "%") help += ", or write unit: percent";
  return help;
}

std::string plain_message(const std::string& msg) {
  if (msg.empty()) return "this is not valid YAML";
  return "this is not valid YAML: " + msg;
}

}  // namespace firefly::detail
