// A content file's name -> its page's section, slug and language ("content/stories/a.en.md"
// -> "stories", "a", "en"), or an error saying why it cannot be a page's.
#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "core/wide_forms.h"
#include "load/content.h"

namespace firefly {

namespace {

bool looks_like_language(std::string_view s) {
  // "en", "vi", "zh-TW", "pt-BR": 2-3 letters, optionally -Region.
  auto parts = split(s, '-');
  if (parts[0].size() < 2 || parts[0].size() > 3) return false;
  for (char c : parts[0]) {
    if (c < 'a' || c > 'z') return false;
  }
  return parts.size() <= 2;
}

bool safe_name(std::string_view s) {
  if (s.empty() || s == "." || s == "..") return false;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f || c == '\\' || c == '%' || c == ':' || c == '"' || c == '<' ||
        c == '>' || c == '?' || c == '#' || c == '*' || c == '|')
      return false;
  }
  // Bytes that are not UTF-8 made an address no feed or sitemap may hold; a bidirectional
  // control, one that reads as another ("pay<U+202E>gpj.exe"), as a `url` may not.
  return is_valid_utf8(s) && invisible_character(s).empty();
}

}  // namespace

bool read_page_name(const std::string& rel_path, const SiteConfig& config, SourcePage& out,
                    Diagnostics& diags) {
  out.path = rel_path;
  // "content/stories/a.en.md" -> section "stories", name "a.en"
  std::string_view rel = std::string_view(rel_path).substr(std::string_view("content/").size());
  auto parts = split(rel, '/');
  std::string_view file = parts.back();
  file.remove_suffix(3);  // ".md"
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (!safe_name(parts[i])) {
      diags.error(
          rel_path, {},
          "the folder name '" + std::string(parts[i]) + "' cannot be part of a web address");
      return false;
    }
    if (parts[i].find(' ') != std::string_view::npos) {
      // Published at "/my stories/": a sitemap's <loc> may not hold the space, and the
      // address is mailed and printed as /my%20stories/.
      diags.error(rel_path, {},
                  "the folder name '" + std::string(parts[i]) +
                      "' has spaces: its web address would have %20 in their place",
                  "use '-' between the words");
      return false;
    }
    if (is_windows_device_name(parts[i])) {
      diags.warning(rel_path, {},
                    "the folder name '" + std::string(parts[i]) +
                        "' is one Windows keeps for a device: its files cannot be checked out "
                        "on a Windows computer, so staff there cannot work on the site",
                    "give it another name, e.g. '" + std::string(parts[i]) + "-pages'");
    }
    // A folder named in full-width mode (ｎｅｗｓ) is read as its half-width name, as a file's
    // name is below: /news/, the address a link typed half-width finds, and the collection
    // site.yaml names `news`.
    out.section += (i ? "/" : "") + narrow_letters_and_digits(parts[i]);
  }
  std::string name(file);
  out.lang = config.default_language().code;
  size_t dot = name.rfind('.');
  if (dot != std::string::npos) {
    std::string suffix = name.substr(dot + 1);
    auto same_letters = [&](const Language& l) {
      return l.code.size() == suffix.size() &&
             std::equal(l.code.begin(), l.code.end(), suffix.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) ==
                      std::tolower(static_cast<unsigned char>(b));
             });
    };
    auto cased = std::find_if(config.languages.begin(), config.languages.end(), same_letters);
    if (config.language(suffix)) {
      out.lang = suffix;
      name = name.substr(0, dot);
    } else if (cased != config.languages.end()) {
      // "a.EN.md" would be a page of its own, in the default language, at /a.EN/.
      diags.error(rel_path, {},
                  "the language '" + suffix + "' in this file name is written '" + cased->code +
                      "' in site.yaml",
                  "rename the file to " + name.substr(0, dot) + "." + cased->code + ".md");
      return false;
    } else if (looks_like_language(suffix)) {
      // 'vn' (Viet Nam's country code) means 'vi'; 'th' on a site without Thai is Thai, not
      // a misspelt 'en' (a Thai page renamed .en.md would be published as English).
      const std::string guess = config.language_meant(suffix);
      diags.error(rel_path, {},
                  "the language '" + suffix + "' in this file name is not in site.yaml",
                  guess.empty() ? "add it under `languages:` in site.yaml"
                                : "did you mean '" + guess + "'?");
      return false;
    }
  }
  if (name == "_index") {
    out.is_index = true;
  } else {
    out.slug = name;
    if (!safe_name(out.slug)) {
      diags.error(rel_path, {}, "the file name '" + out.slug + "' cannot be part of a web address",
                  "use letters, digits and '-'");
      return false;
    }
    if (is_windows_device_name(out.slug)) {
      // CON, AUX, NUL, COM1...: a staff member on Windows cannot check out the repository.
      diags.warning(rel_path, {},
                    "'" + out.slug +
                        "' is a name Windows keeps for a device: this file cannot be checked "
                        "out on a Windows computer, so staff there cannot work on the site",
                    "give it another name, e.g. '" + out.slug + "-page'");
    }
    // ２０２４年志工.md, named in full-width mode (the browser editor names a page after its
    // title, as typed, and cannot rename it): published at the half-width address,
    // /2024年志工/, the one a link typed half-width finds. ａｂ.md beside ab.md is then a
    // clash of two pages at one address, reported as such.
    out.slug = narrow_letters_and_digits(out.slug);
    if (out.slug.find(' ') != std::string::npos) {
      diags.error(rel_path, {},
                  "the file name '" + out.slug +
                      "' has spaces: its web address would have "
                      "%20 in their place",
                  "use '-' between the words");
      return false;
    }
  }
  return true;
}

}  // namespace firefly
