#include "commands/new_page.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string_view>

#include "commands/report.h"
#include "core/date.h"
#include "core/fs.h"
#include "core/language_tag.h"
#include "core/text.h"
#include "core/wide_forms.h"

namespace firefly {

namespace {

/// The longest file name `new` makes: well under file systems' 255-byte limit, with room
/// for the language suffix, and still a readable web address.
constexpr size_t kMaxSlug = 100;

/// The value `new` writes for `f` after its name: today (in the site's time zone) for a
/// required date, an empty list for a list, else nothing, for staff to fill in: an example
/// figure (0), the first of an enum's words or an example picture left as it was would be
/// published as if someone had written it; a field left empty is no value.
std::string example(const FieldSchema& f, const TimeZone& zone) {
  if (f.type == "date" && f.required) return " " + zone.today().iso();
  if (f.type == "list") return " []";
  return "";
}

std::string describe(const FieldSchema& f, const std::string& lang, const std::string& def) {
  std::string d = f.required ? "required: " : "optional: ";
  if (f.type == "ref") return d + "the file name (slug) of a page in " + f.to;
  if (f.type == "date") return d + "a date, YYYY-MM-DD";
  if (f.type == "enum") {
    std::string all;
    for (const auto& v : f.values) {
      all += (all.empty() ? "" : ", ") + v;
      if (const Localized* words = f.words_of(v)) all += " (" + words->get(lang, def) + ")";
    }
    return d + "one of " + all;
  }
  // An object's fields, which its empty value no longer shows: {name: string, age: integer}.
  auto fields = [](const FieldSchema& object) {
    std::string inner = "{";
    for (const auto& sub : object.fields)
      inner += (inner.size() > 1 ? ", " : "") + sub.name + ": " + sub.type;
    return inner + "}";
  };
  if (f.type == "list" && f.of) {
    return d + "a list of " + (f.of->type == "object" ? fields(*f.of) : f.of->type);
  }
  if (f.type == "object") return d + "a map " + fields(f);
  if (f.type == "image") return d + "an image {src, alt, caption}";
  return d + f.type;
}

}  // namespace

std::string scaffold_page(const SiteConfig& config, const Collection& collection,
                          const std::string& lang) {
  std::string s = "---\n";
  s += "# required: the page title\ntitle: \"\"\n";
  std::vector<const FieldSchema*> ordered;
  for (const FieldSchema& f : collection.fields) {
    if (f.required) ordered.push_back(&f);
  }
  for (const FieldSchema& f : collection.fields) {
    if (!f.required) ordered.push_back(&f);
  }
  for (const FieldSchema* f : ordered) {
    s += "# " + describe(*f, lang, config.default_language().code) + "\n" + f->name + ":" +
         example(*f, config.timezone) + "\n";
  }
  // A collection that lists no taxonomies uses every one of the site (as the editor's form).
  std::vector<std::string> taxonomies = collection.taxonomies;
  if (taxonomies.empty()) {
    for (const Taxonomy& t : config.taxonomies) taxonomies.push_back(t.name);
  }
  for (const std::string& tax : taxonomies) {
    const Taxonomy* t = config.taxonomy(tax);
    s += "# optional: " + (t ? t->title.get(lang, config.default_language().code) : tax) +
         " (a list of terms)\n" + tax + ": []\n";
  }
  s += "# optional: one or two sentences shown in lists and search\nsummary: \"\"\n";
  s += "---\n\n";
  return s;
}

int run_new_page(const NewPageOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  auto config = load_site_config(options.site_dir, diags);
  if (!config) {
    print_diagnostics(diags, options.site_dir, "text", err);
    return 2;
  }
  // site.yaml's warnings (a field without a label) are said here too, as `check` says them:
  // the page about to be written is where staff first see such a field's name.
  if (diags.warning_count()) print_diagnostics(diags, options.site_dir, "text", err);
  const Collection* collection = config->collection(options.collection);
  if (!collection) {
    std::vector<std::string> names;
    for (const Collection& c : config->collections) names.push_back(c.name);
    std::string guess = did_you_mean(options.collection, names);
    err << "firefly: error: there is no collection '" << visible_text(options.collection)
        << "' in site.yaml" << (guess.empty() ? "" : " (did you mean '" + guess + "'?)") << "\n";
    return 2;
  }
  std::string lang = options.lang.empty() ? config->default_language().code : options.lang;
  if (!config->language(lang)) {
    // 'vn' (the country's code) or 'english' names a language of the site: say which one,
    // else the nearest code, as for a collection.
    std::vector<std::string> codes;
    for (const Language& l : config->languages) codes.push_back(l.code);
    // A code of another language ('th' on a site in en and vi) is no misspelling of the
    // nearest code: 'th' is one letter from 'en', and a Thai page written as .en.md would be
    // published as English.
    const std::string guess = config->language_meant(lang);
    err << "firefly: error: the language '" << visible_text(lang) << "' is not in site.yaml";
    if (!guess.empty()) {
      err << " (did you mean '" << guess << "'?)\n";
    } else {
      std::string all;
      for (const std::string& c : codes) all += (all.empty() ? "" : ", ") + c;
      err << " (its languages are " << all
          << ")\n  hint: to write in it, add {code: " << visible_text(lang)
          << "} to languages: in site.yaml first\n";
    }
    return 2;
  }
  // ａｂｃ, typed in full-width mode: slugify keeps it, and /ａｂｃ/ looks like /abc/.
  if (std::string wide = wide_letter_or_digit(options.slug); !wide.empty()) {
    err << "firefly: error: '" << visible_text(options.slug) << "' has the full-width character '"
        << wide << "'; a file name is written with half-width letters and digits, like '"
        << slugify(half_width(options.slug)) << "'\n";
    return 2;
  }
  // '_' too is refused, as the message says: slugify keeps it, but `_index` is a
  // section's own page, not a new one in it.
  if (options.slug.empty() || slugify(options.slug) != options.slug ||
      options.slug.find('_') != std::string::npos) {
    std::string like = slugify(options.slug);
    std::replace(like.begin(), like.end(), '_', '-');
    like = slugify(like);  // no '-' left at either end
    err << "firefly: error: '" << visible_text(options.slug)
        << "' cannot be a file name; use lower-case letters, digits and '-'"
        << (like.empty() ? "" : ", like '" + like + "'") << "\n";
    return 2;
  }
  // CON, AUX, NUL, COM1...: a staff member on Windows could not check out the site's
  // repository with content/stories/con.md in it, nor a Windows server serve /con/.
  if (is_windows_device_name(options.slug)) {
    err << "firefly: error: '" << options.slug
        << "' is a name Windows keeps for a device: the page could not be checked out on a "
           "Windows computer, nor published on a Windows server\n"
        << "  hint: choose another name, like '" << options.slug << "-page'\n";
    return 2;
  }
  if (options.slug.size() > kMaxSlug) {
    // Counted in bytes, as file systems count: 40 Chinese characters are 120 bytes.
    const size_t bytes = options.slug.size();
    const size_t chars =
        static_cast<size_t>(std::count_if(options.slug.begin(), options.slug.end(), [](char c) {
          return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    err << "firefly: error: the name is " << bytes << " bytes long"
        << (chars == bytes ? std::string()
                           : " (" + std::to_string(chars) + " characters of more than one byte)")
        << "; a page's file name (and web address) may have at most " << kMaxSlug << " bytes\n";
    return 2;
  }
  std::string suffix = lang == config->default_language().code ? "" : "." + lang;
  std::filesystem::path rel =
      std::filesystem::path("content") / options.collection / (options.slug + suffix + ".md");
  std::filesystem::path path = options.site_dir / rel;
  std::error_code ec;
  // A link counts as there even when it leads nowhere: writing through it would create a
  // file wherever it points, maybe outside the site.
  if (std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
    err << "firefly: error: " << rel.generic_string()
        << " already exists; it was not changed (choose another name, or edit that file)\n";
    return 1;
  }
  // content/ or the collection's folder may be a link: never followed out of the site.
  if (!leads_inside(path.parent_path(), options.site_dir)) {
    err << "firefly: error: " << rel.parent_path().generic_string()
        << " is a symbolic link to a place outside the site; the page was not written there\n";
    return 1;
  }
  std::filesystem::create_directories(path.parent_path(), ec);
  const std::string text = scaffold_page(*config, *collection, lang);
  errno = 0;
  std::FILE* file = std::fopen(path.c_str(), "wbx");  // never over a file made meanwhile
  bool written = file && std::fwrite(text.data(), 1, text.size(), file) == text.size();
  const int why = written ? 0 : errno;
  if (file && std::fclose(file) != 0) written = false;
  if (!written) {
    const int reason = why ? why : errno;
    // A page cut short (a full disk) would be "already exists" to the next `new`, and an
    // error of its own at the next build.
    if (file) std::filesystem::remove(path, ec);
    err << "firefly: error: cannot write " << path.string() << ": " << std::strerror(reason)
        << "\n";
    return 1;
  }
  out << "created " << rel.generic_string() << "\n";
  return 0;
}

}  // namespace firefly
