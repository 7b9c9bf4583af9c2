#include "model/front_matter_checker.h"

#include <algorithm>
#include <charconv>

#include "core/localized.h"
#include "core/text.h"
#include "core/wide_forms.h"
#include "load/cell_text.h"
#include "load/dataset_coverage.h"
#include "model/paths.h"

namespace firefly {

namespace {

/// The help a dataset's cell written `text` gets (cell_hint), as far as it fits a
/// front-matter value: what to write (`1,234`: write 1234; `yes`: write true), without
/// what it says of a column (its `unit:`, its `type:`); "" for any other help.
std::string value_hint(std::string_view text, ColumnType type, bool year = false) {
  std::string hint = cell_hint(text, type, year);
  if (!hint.starts_with("write ")) return "";
  return hint.substr(0, hint.find("; "));
}

/// An integer field that holds years, named or labelled as a year column is
/// (is_year_column: `year`, `award_year`, 年度, `label: {zh-TW: 年度}`).
bool is_year_field(const FieldSchema& schema) {
  if (schema.type != "integer") return false;
  if (is_year_name(schema.name)) return true;
  if (!schema.label.plain.empty()) return is_year_word(schema.label.plain);
  return std::any_of(schema.label.by_lang.begin(), schema.label.by_lang.end(),
                     [](const auto& t) { return is_year_word(t.second); });
}

}  // namespace

void FrontMatterChecker::error(const Value& at, std::string message, std::string hint) {
  diags_.error(src_.path, at.pos.line ? at.pos : Pos{1, 1}, std::move(message), std::move(hint));
  ok = false;
}

size_t FrontMatterChecker::capped(const List& items, size_t max, const std::string& what,
                                  std::string hint) {
  if (items.size() <= max) return items.size();
  error(items[max],
        "this page has " + std::to_string(items.size()) + " " + what + "; at most " +
            std::to_string(max) + " are allowed",
        std::move(hint));
  return max;
}

std::string FrontMatterChecker::text(const Value& v, const std::string& field) {
  if (v.is_map() || v.is_list()) {
    error(v, "'" + field + "' must be text, not " + std::string(v.kind_name()));
    return "";
  }
  return v.to_text();
}

std::optional<Date> FrontMatterChecker::date(const Value& v, const std::string& field) {
  if (v.is_map() || v.is_list()) {  // `date: [2024-05-01]`: said as such, not as ''
    error(v, "'" + field + "' must be a date (YYYY-MM-DD), not " + std::string(v.kind_name()));
    return std::nullopt;
  }
  const std::string text = v.to_text();
  auto d = parse_date(text);
  if (d && d->year >= 1000 && !is_buddhist_era_year(d->year)) return config_.timezone.local(*d);
  // What it was meant to be: 2024-03-15 for 2567-03-15 (a year of the Thai Buddhist era,
  // พ.ศ., as Thai forms write it: published as it is, the page is dated 543 years ahead,
  // first in every list and feed for good), ๒๕๖๗-๐๓-๑๕ (a Thai keyboard's digits),
  // 113/03/15 or 1130315 (民國), 2024/3/15 or 20240315.
  int roc = 0;
  const std::string iso = d && d->year >= 1000 ? d->iso() : iso_of_written_day(text, &roc);
  const std::string hint = day_to_write(iso, roc);
  if (has_thai_digit(text) && !hint.empty()) {
    error(v, "'" + field + "' is written in Thai digits: '" + text + "'", hint);
  } else if (d && d->year >= 1000) {
    error(v, "'" + field + "' has the year " + std::to_string(d->year) + ", which cannot be meant",
          hint);
  } else if (d) {
    error(v, "'" + field + "' has the year " + text.substr(0, 4) + ", which cannot be meant",
          "write the year of the Western calendar in four digits (民國113年 is 2024)");
  } else {
    error(v,
          "'" + field + "' must be a date written as YYYY-MM-DD, not '" + text + "'" +
              not_a_day(text),
          hint.empty() ? "for example 2023-06-30" : hint);
  }
  return std::nullopt;
}

void FrontMatterChecker::check(const Value& v, const FieldSchema& schema, const std::string& name,
                               const std::string& path) {
  // Compared as a view: each test is a length check first (every story checks its images).
  const std::string_view t = schema.type;
  // `as`: the column type whose cells are written as this field's values, for the help a
  // dataset's cell gets (`1,234`: write 1234; `yes`: write true).
  auto fail = [&](const std::string& expected, std::optional<ColumnType> as = std::nullopt) {
    const bool scalar = !v.is_map() && !v.is_list();
    error(v,
          "'" + name + "' must be " + expected + ", not " + std::string(v.kind_name()) +
              (scalar ? " '" + v.to_text() + "'" : ""),
          scalar && as ? value_hint(v.to_text(), *as, is_year_field(schema)) : "");
  };
  if (t == "string" || t == "text") {
    if (v.is_map() || v.is_list()) fail("text");
  } else if (t == "integer") {
    if (!v.is_int()) {
      fail("a whole number", ColumnType::kInteger);
    } else if (is_year_field(schema) && v.as_int() >= 1 && v.as_int() <= 199) {
      // 108 on a form in Taiwan is 民國108年: published as it is, it would read as the
      // year 108 (a list sorted by it, a search for 2019 that does not find it).
      const std::string roc = std::to_string(v.as_int()), year = std::to_string(v.as_int() + 1911);
      diags_.warning(src_.path, v.pos.line ? v.pos : Pos{1, 1},
                     "'" + name + "' is " + roc +
                         ", which looks like a year of the Republic "
                         "of China (民國" +
                         roc + "年 is " + year + "); pages give years in four digits",
                     "write " + year);
    }
  } else if (t == "number") {
    if (!v.is_number()) fail("a number", ColumnType::kNumber);
  } else if (t == "boolean") {
    if (!v.is_bool()) fail("true or false", ColumnType::kBoolean);
  } else if (t == "date") {
    date(v, name);  // as the page's own date: 2024/05/01 and 113年5月1日 say what to write
  } else if (t == "enum") {
    std::string s = v.to_text();
    if (v.is_map() || v.is_list()) {  // `topic: [jobs]`: not '' with the words of a value
      std::string all;
      for (const auto& e : schema.values) all += (all.empty() ? "" : ", ") + e;
      fail("one of: " + all);
    } else if (std::find(schema.values.begin(), schema.values.end(), s) == schema.values.end()) {
      std::string all;
      for (const auto& e : schema.values) all += (all.empty() ? "" : ", ") + e;
      std::string help;
      // The words a page shows for a value, written instead of the value itself.
      if (const std::string* value = schema.value_with_words(s)) {
        help = "'" + s + "' is what pages show for '" + *value + "'; write `" + name + ": " +
               *value + "`";
      } else if (std::string guess = did_you_mean(s, schema.values); !guess.empty()) {
        help = "did you mean '" + guess + "'?";
      }
      error(v, "'" + name + "' is '" + s + "', which is not one of: " + all, help);
    }
  } else if (t == "ref") {
    if (v.is_map() || v.is_list()) {
      fail("the name of a page in " + schema.to);
    } else {
      refs.emplace_back(name, schema.to + "/" + v.to_text());
    }
  } else if (t == "image") {
    check_image(v, name, path);
  } else if (t == "list") {
    if (!v.is_list()) {
      fail("a list");
      return;
    }
    const List& items = v.as_list();
    // Each item's path written in place (every story's `images` has one).
    std::string item = path + "[";
    const size_t prefix = item.size();
    for (size_t i = 0; i < items.size(); ++i) {
      char digits[24];
      char* end = std::to_chars(digits, digits + sizeof digits, i).ptr;
      item.resize(prefix);
      item.append(digits, end).push_back(']');
      check(items[i], *schema.of, name, item);
    }
  } else if (t == "object") {
    if (!v.is_map()) {
      fail("a map of fields");
      return;
    }
    std::vector<std::string> known;
    for (const FieldSchema& f : schema.fields) known.push_back(f.name);
    for (const FieldSchema& f : schema.fields) {
      const Value* sub = v.find(f.name);
      if (sub && !sub->is_null()) {
        check(*sub, f, f.name, path + "." + f.name);
      } else if (f.required) {
        error(v, "'" + name + "' needs a '" + f.name + "' field");
      }
    }
    for (const auto& [k, sub] : v.as_map()) {
      if (std::find(known.begin(), known.end(), k) == known.end()) {
        std::string guess = did_you_mean(k, known);
        error(with_pos(sub, sub.key_pos), "'" + name + "' has no field '" + k + "'",
              guess.empty() ? "" : "did you mean '" + guess + "'?");
      }
    }
  } else if (t == "localized") {
    std::string comma, hint;
    if (v.is_list()) {
      fail("text or a map of language codes to text");
    } else if (to_localized(v, &comma, &hint); !comma.empty()) {
      error(v, "'" + name + "': " + comma, hint);
    }
  }
}

void FrontMatterChecker::check_image(const Value& v, const std::string& name,
                                     const std::string& path) {
  const Value& src = v.is_map() ? v.get("src") : v;
  std::string src_text = src.to_text();  // once: every story's image is checked
  if (src_text.empty()) {
    error(v, "an image in '" + name + "' needs a `src`");
    return;
  }
  const Value& at = src.pos.line ? src : v;
  if (std::string why = unsafe_link_reason(src_text); !why.empty()) {
    error(at, "the image " + src_text + " is not allowed: " + why);
    return;
  }
  const Value* alt = v.find("alt");  // nullptr unless a map
  if (!alt || alt->is_null()) {
    // `alt:` left empty is a forgotten text too: a decorative image says so with alt: "".
    error(alt ? *alt : v, "the image " + src_text + " has no alt text",
          "add `alt:` describing the image for people who cannot see it "
          "(write alt: \"\" only for a purely decorative image)");
  }
  // A list or a map (`alt: {en: …, vi: …}`, as site.yaml's texts) was shown as no text at
  // all: a described image published as a decorative one, a caption left out.
  auto words = [&](const Value* w, const char* key) -> std::string {
    if (!w || !(w->is_map() || w->is_list())) return w ? w->to_text() : std::string();
    error(*w, "'" + path + "." + key + "' must be text, not " + std::string(w->kind_name()),
          w->is_map() ? "a page is in one language: write its " + std::string(key) +
                            " as text, and each translation's in that translation's file"
                      : "");
    return "";
  };
  std::string alt_text = words(alt, "alt");
  std::string caption_text = words(v.find("caption"), "caption");
  images.push_back({path, std::move(src_text), std::move(alt_text), std::move(caption_text),
                    src.pos.line ? src.pos : v.pos});
}

}  // namespace firefly
