// One page's front-matter values checked against the types their fields have (the common
// fields, and a collection's own in site.yaml): each mistake reported where it is written,
// with what to write instead; the references and images found on the way kept.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/site_config.h"
#include "core/date.h"
#include "core/error.h"
#include "core/value.h"
#include "load/content.h"
#include "model/image.h"

namespace firefly {

/// Checks the values of one page's front matter, reporting each mistake at its place.
class FrontMatterChecker {
 public:
  /// A checker of the page `src` of the site `config`, reporting in `diags`.
  FrontMatterChecker(const SourcePage& src, const SiteConfig& config, Diagnostics& diags)
      : src_(src), config_(config), diags_(diags) {}

  /// Reports `message` (with `hint`) at `at`, or at the file's start when `at` has no
  /// place; the page then has errors (`ok` is false).
  void error(const Value& at, std::string message, std::string hint = {});

  /// How many of `items` to read: all of them up to `max`; past it, an error at the first
  /// one too many, "this page has N <what>; at most <max> are allowed".
  size_t capped(const List& items, size_t max, const std::string& what, std::string hint);

  /// `v` as text, or "" with an error when it is a map or a list (`field` names it).
  std::string text(const Value& v, const std::string& field);

  /// A date as the site's zone reads it (a time with an offset is converted to it).
  std::optional<Date> date(const Value& v, const std::string& field);

  /// Checks `v` against `schema`; `name` is the field's name for messages, `path` where
  /// the value sits ("people[0].photo").
  void check(const Value& v, const FieldSchema& schema, const std::string& name,
             const std::string& path);

  /// Checks the image `v` (a map with `src` and `alt`, or an address alone) of the field
  /// `name` at `path`, and keeps it in `images`.
  void check_image(const Value& v, const std::string& name, const std::string& path);

  bool ok = true;                                         ///< false once an error was reported
  std::vector<std::pair<std::string, std::string>> refs;  ///< field -> "collection/slug"
  std::vector<Image> images;  ///< every image-typed value, in the order checked

 private:
  const SourcePage& src_;
  const SiteConfig& config_;
  Diagnostics& diags_;
};

}  // namespace firefly
