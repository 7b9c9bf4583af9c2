#include "core/yaml_documents.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <optional>
#include <vector>

namespace firefly::detail {

namespace {

/// Where a document's first value starts; none for an empty document.
class FirstValue : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> at;
  bool empty = false;  ///< an empty document was read (`---` and nothing after it)

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { empty = true; }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { seen(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    seen(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    seen(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    seen(mark);
  }
  void OnMapEnd() override {}

 private:
  void seen(const YAML::Mark& mark) {
    if (!at) at = mark;
  }
};

/// Whether the line starting at byte `start` of `text` separates documents.
bool is_separator(std::string_view text, size_t start) {
  std::string_view line = text.substr(start, 3);
  return line == "---" || line == "..." || (!line.empty() && line[0] == '%');
}

}  // namespace

int next_document_line(YAML::Parser& parser, std::string_view text) {
  FirstValue first;
  // Empty documents are stepped over; a call that reads none (yaml-cpp answers true again
  // and again after some text it cannot read, such as `, b]`) ends the search.
  for (int documents = 0; !first.at && documents < 1000; ++documents) {
    first.empty = false;
    if (!parser.HandleNextDocument(first) || (!first.at && !first.empty)) break;
  }
  if (!first.at) return -1;
  // The separator is the nearest line above the value that is one (comments may be between).
  const size_t at = std::min(text.size(), static_cast<size_t>(std::max(0, first.at->pos)));
  std::vector<size_t> starts{0};  // where each line up to the value's starts
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  for (size_t l = starts.size(); l-- > 0;) {
    if (is_separator(text, starts[l])) return static_cast<int>(l);
  }
  return first.at->line;
}

std::string_view lone_cr_as_lf(std::string_view text, std::string& copy) {
  size_t cr = text.find('\r');
  while (cr != std::string_view::npos && cr + 1 < text.size() && text[cr + 1] == '\n') {
    cr = text.find('\r', cr + 1);
  }
  if (cr == std::string_view::npos) return text;
  copy.assign(text);
  for (size_t i = cr; i < copy.size(); ++i) {
    if (copy[i] == '\r' && (i + 1 == copy.size() || copy[i + 1] != '\n')) copy[i] = '\n';
  }
  return copy;
}

}  // namespace firefly::detail
