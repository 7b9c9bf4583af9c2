// A chart as files of its own: the plotted columns as CSV, and a standalone SVG image
// that names its title, source and licence (as visible text and in <title>, <desc> and
// Dublin Core metadata), so a copy passed on still says where its figures come from.
#pragma once

#include <string>
#include <vector>

#include "render/chart_data.h"

namespace firefly {

/// What a standalone chart says besides its marks.
struct ChartCredit {
  std::string title;           ///< the chart's title
  std::string summary;         ///< its generated description
  std::string y_title;         ///< the value axis title ("" = none)
  std::string source;          ///< who produced the figures, and the document ("" = none)
  std::string publisher;       ///< who publishes the data
  std::string data_url;        ///< the dataset page (absolute when the site has a base URL)
  std::string license_name;    ///< the licence's name in the reader's language
  std::string license_url;     ///< the licence's URL ("" when unknown)
  std::string lang;            ///< the BCP 47 tag of the words
  std::string title_lang;      ///< the tag of the title when not `lang` ("" when it is)
  std::string publisher_lang;  ///< the tag of the publisher's name when not `lang`
};

/// The chart `kind` (bar, stacked, hbar, line or target) of the categories `pts` of `d`
/// as a standalone SVG 800 px wide: title, legend, axis, marks, value and category labels
/// (horizontal rows when `rows`; a provisional figure's with kProvisionalMark), the note
/// that explains that mark, then the source, data URL and licence as text.
std::string chart_svg(const ChartData& d, const std::vector<size_t>& pts, const std::string& kind,
                      bool rows, const ChartCredit& credit, const DataView& view);

/// The name of the chart CSV's column that says which lines' figures are provisional.
inline constexpr const char* kProvisionalCsvColumn = "provisional";

/// The plotted columns as CSV: `x_column`, then each series' column, one line per
/// category (rows sharing a category summed, as drawn); a value no row reported is empty.
/// Each number as chart_number writes it, to its series' decimals (1.1 + 2.2 is 3.3). When
/// some figures are provisional (ChartData::provisional), a last column
/// kProvisionalCsvColumn says `true` on their lines and `false` on the others.
std::string chart_csv(const ChartData& d, const std::string& x_column);

}  // namespace firefly
