// The theme a site wears: its compiled templates, strings and assets, with the
// site's own layouts/, partials/, i18n/ and static/ overriding single files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "core/error.h"
#include "core/output.h"
#include "core/value.h"
#include "mustache/template.h"

namespace firefly {

/// A theme loaded and compiled once for a whole build.
class Theme {
 public:
  /// The template named `name` (a layout or a partial), or nullptr.
  const mustache::Template* find(std::string_view name) const;
  /// The names of the layouts (layouts/<name>.mustache), which `layout:` may name.
  const std::set<std::string>& layouts() const { return layouts_; }
  /// The layouts that never name a page's text (`content`, through their partials and
  /// parents: the theme's 404, taxonomy and term layouts): a page laid out by one is
  /// published without its text.
  std::set<std::string> layouts_without_text() const;
  /// The strings of `lang`, completed from the default language (t.<key>).
  const Value& strings(const std::string& lang) const;
  /// The grain of each string of `lang` (render/reads.h grain::string), in the order of
  /// strings(lang)'s map: a page's reads name them without hashing each name it looks up.
  const std::vector<std::uint64_t>& string_grains(const std::string& lang) const;
  /// Strings missing per language (for `firefly check`): lang -> keys.
  const std::map<std::string, std::vector<std::string>>& missing_strings() const {
    return missing_;
  }
  /// Fingerprinted asset URL of `name` ("style.css" -> "/assets/style.1a2b3c4d.css").
  std::string asset_url(const std::string& name) const;
  /// The files the theme publishes as they are: assets (fingerprinted) and static files.
  const OutputSet& files() const { return files_; }

 private:
  friend std::unique_ptr<Theme> load_theme(const std::filesystem::path&, const SiteConfig&,
                                           Diagnostics&);
  std::map<std::string, std::shared_ptr<const mustache::Template>, std::less<>> templates_;
  std::set<std::string> layouts_;
  std::map<std::string, Value> strings_;
  std::map<std::string, std::vector<std::uint64_t>> string_grains_;
  std::map<std::string, std::vector<std::string>> missing_;
  std::map<std::string, std::string> asset_urls_;
  OutputSet files_;
};

/// Loads the site's theme (the embedded default, or themes/<name>/ in the site) with the
/// site's overrides, compiling every template; errors name the template file and line.
std::unique_ptr<Theme> load_theme(const std::filesystem::path& site_dir, const SiteConfig& config,
                                  Diagnostics& diags);

/// A short, stable fingerprint of `bytes`: the first 10 hex digits of its SHA-256.
std::string fingerprint(std::string_view bytes);

}  // namespace firefly
