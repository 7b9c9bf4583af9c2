#include "render/data_catalog.h"

#include "core/json.h"
#include "core/localized.h"
#include "render/data_manifest.h"

namespace firefly {

namespace {

constexpr const char* kEuFileType = "http://publications.europa.eu/resource/authority/file-type/";
constexpr const char* kEuFrequency = "http://publications.europa.eu/resource/authority/frequency/";
constexpr const char* kEuDataTheme = "http://publications.europa.eu/resource/authority/data-theme/";
constexpr const char* kEuLanguage = "http://publications.europa.eu/resource/authority/language/";

/// A localized text as JSON-LD language-tagged values; a text written once is in the
/// default language when it reads as it (Localized::lang_of), else a plain string ("GDP").
Value ld_text(const Localized& text, const DataSite& site) {
  if (text.by_lang.empty()) {
    if (site.languages.empty() || !reads_as(text.plain, site.languages.front().code)) {
      return Value(text.plain);
    }
    return Value(List{Value(Map{{"@language", Value(site.languages.front().html_lang)},
                                {"@value", Value(text.plain)}})});
  }
  List out;
  for (const auto& [code, value] : text.by_lang) {
    std::string tag = code;
    for (const auto& l : site.languages) {
      if (l.code == code) tag = l.html_lang;
    }
    out.push_back(Value(Map{{"@language", Value(tag)}, {"@value", Value(value)}}));
  }
  return Value(std::move(out));
}

Value ld_id(const std::string& url) { return Value(Map{{"@id", Value(url)}}); }

Value typed(const std::string& value, const char* type) {
  return Value(Map{{"@value", Value(value)}, {"@type", Value(type)}});
}

/// One dcat:Distribution of a published file.
Value distribution(const DataFile& f, const Value& license, const std::string& modified,
                   const DataSite& site) {
  std::string url = site.absolute(f.url());
  Map d{{"@type", Value("dcat:Distribution")},
        {"dct:title", Value(f.name())},
        {"dcat:accessURL", ld_id(url)},
        {"dcat:downloadURL", ld_id(url)},
        {"dcat:mediaType", ld_id(std::string("http://www.iana.org/assignments/media-types/") +
                                 f.format->media_type)}};
  if (*f.format->eu_file_type) {
    d.emplace_back("dct:format", ld_id(std::string(kEuFileType) + f.format->eu_file_type));
  }
  d.emplace_back("dct:license", license);
  if (!modified.empty()) d.emplace_back("dct:modified", typed(modified, "xsd:date"));
  d.emplace_back("dcat:byteSize", typed(std::to_string(f.size), "xsd:nonNegativeInteger"));
  d.emplace_back(
      "spdx:checksum",
      Value(Map{{"@type", Value("spdx:Checksum")},
                {"spdx:algorithm", ld_id("http://spdx.org/rdf/terms#checksumAlgorithm_sha256")},
                {"spdx:checksumValue", typed(f.sha256, "xsd:hexBinary")}}));
  return Value(std::move(d));
}

/// The site's publisher as a foaf:Agent.
Value publisher_node(const DataSite& site) {
  Map publisher{{"@type", Value("foaf:Agent")}, {"foaf:name", ld_text(site.publisher_name, site)}};
  if (!site.publisher_email.empty()) {
    publisher.emplace_back("foaf:mbox", ld_id("mailto:" + site.publisher_email));
  }
  return Value(std::move(publisher));
}

/// The EU language vocabulary IRI of a site language ("" when unknown).
std::string language_iri(const std::string& code) {
  static const std::pair<const char*, const char*> kCodes[] = {
      {"zh", "ZHO"}, {"en", "ENG"}, {"vi", "VIE"},  {"id", "IND"}, {"th", "THA"}, {"ja", "JPN"},
      {"ko", "KOR"}, {"tl", "TGL"}, {"fil", "FIL"}, {"ms", "MSA"}, {"my", "MYA"}};
  std::string base = code.substr(0, code.find('-'));
  for (const auto& [key, eu] : kCodes) {
    if (base == key) return std::string(kEuLanguage) + eu;
  }
  return "";
}

/// The publisher as a vcard contact point: its name and e-mail.
Value contact_point(const DataSite& site) {
  Map c{{"@type", Value("vcard:Organization")}, {"vcard:fn", ld_text(site.publisher_name, site)}};
  if (!site.publisher_email.empty()) {
    c.emplace_back("vcard:hasEmail", ld_id("mailto:" + site.publisher_email));
  }
  return Value(std::move(c));
}

/// Who the dataset is for and what it covers: dates, keywords, languages, coverage.
void add_coverage(Map& item, const Dataset& ds, const DataSite& site) {
  if (ds.issued.year) {
    item.emplace_back(
        "dct:issued",
        typed(Date{ds.issued.year, ds.issued.month, ds.issued.day}.iso(), "xsd:date"));
  }
  if (!ds.keywords.empty()) {
    std::string tag = site.languages.empty() ? "en" : site.languages.front().html_lang;
    List words;
    for (const std::string& k : ds.keywords) {
      words.push_back(Value(Map{{"@language", Value(tag)}, {"@value", Value(k)}}));
    }
    item.emplace_back("dcat:keyword", Value(std::move(words)));
  }
  if (!ds.themes.empty()) {
    List themes;
    for (const std::string& t : ds.themes) themes.push_back(ld_id(kEuDataTheme + t));
    item.emplace_back("dcat:theme", Value(std::move(themes)));
  }
  List languages;
  for (const auto& l : site.languages) {
    std::string iri = language_iri(l.code);
    // A title written once is the default language's (the first).
    bool written = ds.title.by_lang.empty() ? &l == &site.languages.front() : ds.title.has(l.code);
    if (!iri.empty() && written) languages.push_back(ld_id(iri));
  }
  if (!languages.empty()) item.emplace_back("dct:language", Value(std::move(languages)));
  item.emplace_back("dcat:contactPoint", contact_point(site));
  if (ds.temporal) {
    item.emplace_back("dct:temporal",
                      Value(Map{{"@type", Value("dct:PeriodOfTime")},
                                {"dcat:startDate", typed(ds.temporal->start.iso(), "xsd:date")},
                                {"dcat:endDate", typed(ds.temporal->end.iso(), "xsd:date")}}));
  }
  if (!ds.spatial.empty()) {
    item.emplace_back("dct:spatial", Value(Map{{"@type", Value("dct:Location")},
                                               {"skos:prefLabel", ld_text(ds.spatial, site)}}));
  }
}

/// Where the figures come from: the document (its URL as the node's id when known), its
/// title, date and the agency that produced it.
Value source_node(const DatasetSource& source, const DataSite& site) {
  Map node;
  if (!source.url.empty()) node.emplace_back("@id", Value(source.url));
  node.emplace_back("@type", Value("dct:BibliographicResource"));
  if (!source.title.empty()) node.emplace_back("dct:title", ld_text(source.title, site));
  if (source.date) node.emplace_back("dct:issued", typed(source.date->iso(), "xsd:date"));
  node.emplace_back("dct:creator", Value(Map{{"@type", Value("foaf:Agent")},
                                             {"foaf:name", ld_text(source.agency, site)}}));
  return Value(std::move(node));
}

}  // namespace

std::string frequency_iri(const std::string& frequency) {
  static const std::pair<const char*, const char*> kCodes[] = {
      {"daily", "DAILY"},         {"weekly", "WEEKLY"},       {"monthly", "MONTHLY"},
      {"quarterly", "QUARTERLY"}, {"semiannual", "ANNUAL_2"}, {"yearly", "ANNUAL"},
      {"irregular", "IRREG"},     {"P1D", "DAILY"},           {"P1W", "WEEKLY"},
      {"P1M", "MONTHLY"},         {"P3M", "QUARTERLY"},       {"P6M", "ANNUAL_2"},
      {"P1Y", "ANNUAL"}};
  std::string_view f = frequency;
  if (f.substr(0, 2) == "R/") f.remove_prefix(2);
  for (const auto& [key, code] : kCodes) {
    if (f == key) return std::string(kEuFrequency) + code;
  }
  return "";
}

std::string catalog_jsonld(const std::vector<Dataset>& datasets, const DataManifest& manifest,
                           const DataSite& site) {
  List items;
  for (const Dataset& ds : datasets) {
    std::string license = dataset_license(ds, site);
    std::string lurl = license_url(license);
    Value license_value = lurl.empty() ? Value(license) : ld_id(lurl);
    std::string modified = ds.updated.year ? ds.updated.iso().substr(0, 10) : std::string();
    List distributions;
    for (const DataFile& f : manifest.dataset_files(ds.name)) {
      distributions.push_back(distribution(f, license_value, modified, site));
    }
    Map item{{"@id", Value(site.absolute("/data/" + ds.name + "/"))},
             {"@type", Value("dcat:Dataset")},
             {"dct:identifier", Value(ds.name)},
             {"dct:title", ld_text(ds.title, site)}};
    if (!ds.description.empty())
      item.emplace_back("dct:description", ld_text(ds.description, site));
    item.emplace_back("dct:publisher", publisher_node(site));
    if (!ds.source.empty()) item.emplace_back("dct:source", source_node(ds.source, site));
    item.emplace_back("dct:license", license_value);
    add_coverage(item, ds, site);
    if (!modified.empty()) item.emplace_back("dct:modified", typed(modified, "xsd:date"));
    std::string frequency = frequency_iri(ds.frequency);
    if (!frequency.empty()) item.emplace_back("dct:accrualPeriodicity", ld_id(frequency));
    item.emplace_back("dcat:landingPage", ld_id(site.absolute("/data/" + ds.name + "/")));
    item.emplace_back("dcat:distribution", Value(std::move(distributions)));
    items.push_back(Value(std::move(item)));
  }
  Map context{{"dcat", Value("http://www.w3.org/ns/dcat#")},
              {"dct", Value("http://purl.org/dc/terms/")},
              {"foaf", Value("http://xmlns.com/foaf/0.1/")},
              {"vcard", Value("http://www.w3.org/2006/vcard/ns#")},
              {"spdx", Value("http://spdx.org/rdf/terms#")},
              {"skos", Value("http://www.w3.org/2004/02/skos/core#")},
              {"xsd", Value("http://www.w3.org/2001/XMLSchema#")}};
  Localized description = site.description;
  if (description.empty()) {
    // An English sentence, whatever the language of the site's name in it.
    description.by_lang = {{"en", "Open data of " + site.title.get("en", site.default_lang())}};
  }
  Map catalog{{"@context", Value(std::move(context))},
              {"@id", Value(site.absolute("/data/catalog.jsonld"))},
              {"@type", Value("dcat:Catalog")},
              {"dct:title", ld_text(site.title, site)},
              {"dct:description", ld_text(description, site)},
              {"dct:publisher", publisher_node(site)},
              {"dct:license",
               ld_id(license_url(site.data_license).empty() ? site.absolute("/data/")
                                                            : license_url(site.data_license))},
              {"dcat:landingPage", ld_id(site.absolute("/data/"))},
              {"dcat:dataset", Value(std::move(items))}};
  return to_json(Value(std::move(catalog)), 2) + "\n";
}

}  // namespace firefly
