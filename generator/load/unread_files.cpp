#include "load/unread_files.h"

#include <algorithm>
#include <array>

#include "core/text.h"

namespace firefly {

namespace {

/// A file no one meant to publish: hidden (.DS_Store, .gitkeep), an editor's backup or
/// swap file, a system file, a README or licence beside the files.
bool left_alone(std::string_view name) {
  std::string lower = ascii_lower(name);
  static constexpr std::array<std::string_view, 5> kEnds = {"~", "#", ".swp", ".swo", ".tmp"};
  static constexpr std::array<std::string_view, 3> kNames = {"thumbs.db", "desktop.ini", "icon\r"};
  static constexpr std::array<std::string_view, 4> kStems = {"readme", "license", "licence",
                                                             "copying"};
  if (name.empty() || name[0] == '.' || name[0] == '#' || name[0] == '~') return true;
  if (std::any_of(kEnds.begin(), kEnds.end(), [&](auto e) { return ends_with(lower, e); }))
    return true;
  if (std::find(kNames.begin(), kNames.end(), lower) != kNames.end()) return true;
  std::string_view stem = std::string_view(lower).substr(0, lower.find('.'));
  return std::find(kStems.begin(), kStems.end(), stem) != kStems.end();
}

bool one_of(std::string_view ext, std::initializer_list<std::string_view> exts) {
  return std::find(exts.begin(), exts.end(), ext) != exts.end();
}

const std::initializer_list<std::string_view> kDocuments = {
    ".doc", ".docx", ".odt", ".rtf", ".pages", ".pdf", ".ppt", ".pptx", ".odp", ".html", ".htm"};
const std::initializer_list<std::string_view> kSheets = {".xls", ".xlsx", ".ods", ".numbers"};
const std::initializer_list<std::string_view> kImages = {
    ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".avif", ".heic", ".heif", ".tif", ".tiff"};

}  // namespace

std::optional<UnreadFile> unread_content_file(std::string_view rel) {
  std::string_view name = rel.substr(rel.rfind('/') + 1);
  if (ends_with(name, ".md") || left_alone(name)) return std::nullopt;
  size_t dot = name.rfind('.');
  std::string ext = dot == std::string_view::npos ? "" : ascii_lower(name.substr(dot));
  std::string stem(name.substr(0, dot));
  std::string folder(rel.substr(0, rel.size() - name.size()));
  if (ext == ".md") {  // .MD, .Md
    return UnreadFile{"this file is not read: a page's name ends in .md, in small letters",
                      "rename it to " + stem + ".md"};
  }
  if (ext == ".txt" && ends_with(ascii_lower(stem), ".md")) {
    return UnreadFile{
        "this file is not read: its name ends in .txt after .md (Windows hides the last part "
        "of a name)",
        "rename it to " + stem};
  }
  if (one_of(ext, {".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext", ".txt"})) {
    return UnreadFile{"this file is not read: a page's name ends in .md",
                      "rename it to " + stem + ".md"};
  }
  if (one_of(ext, kDocuments) || one_of(ext, kSheets)) {
    return UnreadFile{
        "this file is not published: content/ holds the pages, written as .md text files",
        "copy its text into a page (firefly new <collection> <name>), or put the file in "
        "static/ to offer it as a download"};
  }
  if (one_of(ext, kImages)) {
    return UnreadFile{"this image is not published: content/ holds the pages; images go in static/",
                      "move it to static/images/" + std::string(name) +
                          " and show it with ![what it shows](/images/" + std::string(name) + ")"};
  }
  return UnreadFile{"this file is not published: content/ holds the pages (.md files)",
                    "put it in static/" + folder + " to publish it as it is"};
}

std::optional<UnreadFile> unread_data_file(std::string_view rel) {
  std::string_view name = rel.substr(rel.rfind('/') + 1);
  if (left_alone(name)) return std::nullopt;
  size_t dot = name.rfind('.');
  std::string ext = dot == std::string_view::npos ? "" : ascii_lower(name.substr(dot));
  std::string stem(name.substr(0, dot));
  if (rel.size() != name.size()) {  // in a folder of data/
    if (ext != ".csv" && ext != ".yaml") return std::nullopt;
    return UnreadFile{
        "this file is not read: datasets are read from data/ itself, not from its "
        "folders",
        "move it to data/" + std::string(name)};
  }
  if (ext == ".csv" || ext == ".yaml" || ext == ".yml") {
    if (name.substr(dot) == ext || ext == ".yml") return std::nullopt;  // read, or told apart
    return UnreadFile{
        "this file is not read: a dataset's files end in .csv and .yaml, in small "
        "letters",
        "rename it to " + stem + ext};
  }
  if (one_of(ext, kSheets)) {
    return UnreadFile{
        "this spreadsheet is not read: a dataset is read from a CSV file beside its metadata",
        "save the sheet as CSV UTF-8 in data/" + stem + ".csv, and describe it in data/" + stem +
            ".yaml (docs/open-data.md)"};
  }
  return UnreadFile{
      "this file is not read: data/ holds datasets, each a .csv and a .yaml of the "
      "same name",
      "put it in static/ to publish it as it is"};
}

}  // namespace firefly
