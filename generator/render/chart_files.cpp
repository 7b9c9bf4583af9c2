#include "render/chart_files.h"

#include "core/sha256.h"
#include "core/text.h"
#include "render/dataset_page.h"

namespace firefly {

std::string chart_source_text(const Dataset& ds, const DataView& view) {
  std::string agency = view.pick(ds.source.agency), doc = view.pick(ds.source.title);
  if (agency.empty() || doc.empty()) return agency + doc;
  return agency + ", " + doc;
}

std::string chart_download_links(const std::string& id, const DataFile* csv, const DataFile& svg,
                                 const std::string& all_data_url, const DataView& view) {
  auto link = [&](const DataFile& f, const char* english) {
    // Saved as "<dataset>-<file>", so a saved copy still says whose chart it is.
    std::string saved = f.path.substr(5, f.path.find('/', 5) - 5) + "-" + f.name();
    return "<a href=\"" + html_escape(f.url()) + "\" download=\"" + html_escape(saved) +
           "\" type=\"" + f.format->media_type + "\" aria-describedby=\"" + id + "-title\">" +
           html_escape(
               view.format(f.format->label_key, english, {{"size", size_display(f.size, view)}})) +
           "</a>";
  };
  return "<p class=\"chart-downloads\" data-search-ignore>" +
         html_escape(view.text("chart_downloads", "Download this chart:")) + " " +
         (csv ? link(*csv, "data (CSV, {size})")
              : "<a href=\"" + html_escape(all_data_url) + "\">" +
                    html_escape(view.text("chart_download_all_data",
                                          "data (every row: the dataset's downloads)")) +
                    "</a>") +
         " " + link(svg, "image (SVG, {size})") + "</p>\n";
}

std::string file_name_part(std::string_view name) {
  std::string s;
  for (char c : name) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '-';
    s += keep ? c : '_';
  }
  return s;
}

std::string chart_file_stem(const std::string& dataset, const ChartSpec& spec,
                            std::string_view variant) {
  std::string name = file_name_part(spec.kind) + "-" + file_name_part(spec.x);
  for (const std::string& y : spec.y) name += "-" + file_name_part(y);
  if (name.size() > 80) {  // many series: a short name, told apart by a digest
    variant = {};
    name = name.substr(0, 60) + "-" + sha256_hex(name).substr(0, 8);
  }
  if (!variant.empty()) name += "-" + file_name_part(variant);
  return "data/" + dataset + "/charts/" + name;
}

}  // namespace firefly
