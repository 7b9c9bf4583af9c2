#include "commands/init.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "core/error.h"
#include "core/language_tag.h"
#include "core/yaml.h"
#include "mustache/template.h"
#include "render/embedded_theme.h"

namespace firefly {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kStrings = "strings/";
constexpr std::string_view kTemplateSuffix = ".mustache";
constexpr std::string_view kLangMark = "_LANG_";

/// The strings of `lang` from the closest skeleton/strings/<code>.yaml (closest_language:
/// vi.yaml for vi-VN, zh-TW.yaml for zh-Hant-TW or zh-HK, fil.yaml for tl), or nullopt
/// when `lang` is not a language code or no file is in its language and script. Written
/// for a code with a region or script, the site keeps `lang` as its pages' lang; a
/// calendar is kept only in the region it is for (zh-HK does not count years from 1912
/// as Taiwan does).
std::optional<Value> language_strings(const std::string& lang) {
  if (!is_known_language_code(lang)) return std::nullopt;
  const std::string code = closest_language(lang, init_languages());
  if (code.empty()) return std::nullopt;
  const std::string path = std::string(kStrings) + code + ".yaml";
  for (const EmbeddedFile& f : embedded_skeleton()) {
    if (f.path != path) continue;
    Diagnostics diags;
    Value v = parse_yaml(f.bytes, path, diags);
    if (diags.has_errors() || !v.is_map()) throw InternalError("bad skeleton file " + path);
    if (code == lang) return v;
    // tl keeps the Filipino words' html_lang (fil), as a site in tl always has.
    auto subtag = [](std::string_view c) { return c.substr(0, c.find('-')); };
    Map strings = v.as_map();
    for (auto& [key, value] : strings) {
      if (key == "html_lang" && subtag(lang) == subtag(code)) value = Value(lang);
      if (key == "calendar" && likely_region(code) != likely_region(lang)) value = Value("");
    }
    return Value(std::move(strings));
  }
  return std::nullopt;
}

/// Where a file of the skeleton goes in the new site: _LANG_ in its name becomes the
/// language, a .mustache suffix is dropped, and `gitignore` becomes `.gitignore`.
std::string site_path(std::string path, const std::string& lang) {
  if (auto at = path.find(kLangMark); at != std::string::npos) {
    path.replace(at, kLangMark.size(), lang);
  }
  if (path.ends_with(kTemplateSuffix)) path.resize(path.size() - kTemplateSuffix.size());
  if (path == "gitignore") path = ".gitignore";
  return path;
}

/// Where an example CI file of docs/ci goes, or "" when it is not one a site needs.
std::string ci_path(std::string_view name) {
  if (name == "github-actions.yml") return ".github/workflows/publish.yml";
  if (name == "gitlab-ci.yml") return ".gitlab-ci.yml";
  return "";
}

std::string render_template(std::string_view path, std::string_view source, const Value& ctx) {
  auto compiled = mustache::compile(source);
  if (auto* e = std::get_if<mustache::ParseError>(&compiled)) {
    throw InternalError("skeleton template " + std::string(path) + ": " + e->message);
  }
  std::string out;
  auto none = [](std::string_view) -> const mustache::Template* { return nullptr; };
  if (auto err = mustache::render(*std::get<0>(compiled), ctx, none, out)) {
    throw InternalError("skeleton template " + std::string(path) + ": " + *err);
  }
  return out;
}

bool is_empty_dir(const fs::path& dir, std::error_code& ec) {
  return fs::is_directory(dir, ec) && fs::directory_iterator(dir, ec) == fs::directory_iterator();
}

std::string ask_language(std::istream& in, std::ostream& out) {
  const std::vector<std::string> langs = init_languages();
  out << "Language of the new site / 網站語言";
  for (size_t i = 0; i < langs.size(); ++i) out << (i ? ", " : " (") << langs[i];
  out << ") [" << langs.front() << "]: " << std::flush;
  std::string line;
  std::getline(in, line);
  line.erase(0, line.find_first_not_of(" \t"));
  line.erase(line.find_last_not_of(" \t\r") + 1);
  return line.empty() ? langs.front() : line;
}

/// `path` as one word of a shell command, quoted when it has to be: `cd my site` (to copy
/// and paste) went to a folder named "my". A relative path that begins with `-` is written
/// `./-x`: `cd -x` would read it as an option.
std::string shell_word(std::string path) {
  if (path.starts_with('-')) path.insert(0, "./");
  if (!path.empty() && path.find_first_of(" \t\n'\"\\$`!*?[]{}()<>|&;#~=%^") == std::string::npos) {
    return path;
  }
  std::string quoted = "'";
  for (char c : path) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

std::vector<std::string> init_languages() {
  std::vector<std::string> langs;
  for (const EmbeddedFile& f : embedded_skeleton()) {
    if (!f.path.starts_with(kStrings) || !f.path.ends_with(".yaml")) continue;
    std::string_view name = f.path.substr(kStrings.size());
    langs.emplace_back(name.substr(0, name.size() - 5));
  }
  // Traditional Chinese first: the default for Taiwan's bureaus.
  std::stable_partition(langs.begin(), langs.end(), [](const auto& l) { return l == "zh-TW"; });
  return langs;
}

std::optional<std::vector<std::pair<std::string, std::string>>> init_files(const std::string& lang,
                                                                           const Date& today) {
  std::optional<Value> strings = language_strings(lang);
  if (!strings) return std::nullopt;
  Map ctx = strings->as_map();
  ctx.emplace_back("lang", Value(lang));
  ctx.emplace_back("today", Value(today.iso()));
  const Value context(std::move(ctx));

  std::vector<std::pair<std::string, std::string>> files;
  for (const EmbeddedFile& f : embedded_skeleton()) {
    if (f.path.starts_with(kStrings)) continue;
    std::string path = site_path(std::string(f.path), lang);
    files.emplace_back(path, f.path.ends_with(kTemplateSuffix)
                                 ? render_template(f.path, f.bytes, context)
                                 : std::string(f.bytes));
  }
  for (const EmbeddedFile& f : embedded_ci_examples()) {
    std::string path = ci_path(f.path);
    if (!path.empty()) files.emplace_back(path, std::string(f.bytes));
  }
  std::sort(files.begin(), files.end());
  return files;
}

namespace {

/// The folder `typed` names, its `..` worked out ("x/../y" is "y": the files went into y
/// and an empty x was left), relative to the current folder when typed so, as the `cd`
/// printed at the end needs it. A link is followed as the system follows it.
fs::path init_folder(const fs::path& typed) {
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(typed, ec);
  if (ec || real.empty()) return typed.lexically_normal();
  if (typed.is_absolute()) return real;
  const fs::path here = fs::weakly_canonical(fs::current_path(ec), ec);
  if (ec) return real;
  const fs::path relative = real.lexically_relative(here);
  return relative.empty() ? real : relative;
}

}  // namespace

int run_init(const InitOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (options.dir.empty()) {  // `firefly init ""` (an unset variable): the files would go into .
    err << "firefly init: the folder's name is empty\n"
        << "  hint: name a new folder, or an empty one, such as: firefly init my-site\n";
    return 2;
  }
  if (const std::string typed = options.dir.string();
      std::any_of(typed.begin(), typed.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    // `firefly init $'portal\n'`: a folder whose name ends in a line break, which `cd`,
    // CI scripts and the file manager then miss.
    err << "firefly init: the folder's name '" << visible_text(typed)
        << "' has a control character\n"
        << "  hint: name the folder with letters, digits and '-', such as: firefly init my-site\n";
    return 2;
  }
  if (fs::is_symlink(options.dir, ec) && !fs::exists(options.dir, ec)) {
    err << "firefly init: " << options.dir.string() << " is a link to a place that does not exist\n"
        << "  hint: name a new folder, or an empty one\n";
    return 2;
  }
  const fs::path dir = init_folder(options.dir);
  if (fs::exists(dir, ec) && !is_empty_dir(dir, ec)) {
    err << "firefly init: " << dir.string() << " is not an empty folder\n"
        << "  hint: name a new folder, or an empty one; init never changes existing files\n";
    return 2;
  }
  std::string lang = options.lang;
  if (lang.empty()) lang = options.interactive ? ask_language(in, out) : init_languages().front();
  auto files = init_files(lang, today());
  if (!files) {
    // 'vn' (the country's code), 'english' or 'zh-tw': the starting site meant, as `new`
    // names the site's language meant. Not the nearest by spelling: 'fr' is French, not en.
    const std::vector<std::string> langs = init_languages();
    std::string guess = suggest_language_code(lang);
    if (closest_language(guess, langs).empty()) guess.clear();
    // 'zh' (Simplified Chinese, as ICU reads it): the Chinese site is Traditional.
    std::string other_script;
    for (const std::string& l : langs) {
      if (guess.empty() && is_known_language_code(lang) &&
          primary_language(l) == primary_language(lang)) {
        other_script = l;
      }
    }
    err << "firefly init: no starting site in language '" << visible_text(lang) << "'"
        << (guess.empty() ? "" : " (did you mean '" + guess + "'?)")
        << (other_script.empty()
                ? ""
                : " (the starting site in '" + other_script + "' is written in another script)")
        << "\n  hint: use one of:";
    for (const std::string& l : init_languages()) err << " " << l;
    err << "; add more languages to site.yaml afterwards\n";
    return 2;
  }
  // A file that cannot be written (a full disk, a quota) leaves nothing behind: a half
  // site was left, without saying why, and `init` again refused the folder as not empty.
  const bool made_dir = !fs::exists(dir, ec);
  std::vector<fs::path> made;  // files and folders written, in order
  auto undo = [&] {
    std::error_code ignored;
    for (auto it = made.rbegin(); it != made.rend(); ++it) fs::remove(*it, ignored);
    if (made_dir) fs::remove_all(dir, ignored);
  };
  for (const auto& [rel, bytes] : *files) {
    const fs::path path = dir / rel;
    // Each missing folder on the way, recorded so that it can be removed again.
    std::vector<fs::path> missing;
    std::error_code look;
    for (fs::path p = path.parent_path(); !p.empty() && !fs::exists(p, look);) {
      missing.push_back(p);
      if (p == p.parent_path()) break;
      p = p.parent_path();
    }
    errno = 0;
    for (auto it = missing.rbegin(); it != missing.rend() && !ec; ++it) {
      if (fs::create_directory(*it, ec)) made.push_back(*it);
    }
    // "x": never over a file that appeared meanwhile (init changes no existing file).
    std::FILE* file = ec ? nullptr : std::fopen(path.c_str(), "wbx");
    if (file) made.push_back(path);
    bool written = file && std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    const int why = ec ? ec.value() : errno;
    if (file && std::fclose(file) != 0) written = false;
    if (!written) {
      const int reason = why ? why : errno;
      undo();
      err << "firefly init: cannot write " << path.string()
          << (reason ? ": " + std::string(std::strerror(reason)) : std::string()) << "\n"
          << "  hint: nothing was left in " << dir.string()
          << "; make room (or choose another folder) and run init again\n";
      return 1;
    }
  }
  out << "created a new site in " << dir.string() << " (" << lang << ", " << files->size()
      << " files)\n"
      << "next: cd " << shell_word(dir.string())
      << " && firefly serve   (preview at http://127.0.0.1:1313/)\n";
  return 0;
}

}  // namespace firefly
