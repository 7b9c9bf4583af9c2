// How chart series look: colours from the Okabe–Ito palette (each 3:1 or more on white),
// told apart also by fill pattern (bars), dash and marker shape (lines).
#pragma once

#include <string>

namespace firefly {

/// A number for an SVG attribute: at most two decimals, no trailing zeros, no "-0".
std::string svg_number(double v);

/// The <svg> holding the patterns and markers of the chart `id` (always rendered, so the
/// marks of either layout can use them).
std::string chart_defs(const std::string& id);

/// fill/stroke attributes of a bar of series `k`.
std::string series_paint(const std::string& id, size_t k);
/// stroke attributes of a line of series `k`.
std::string series_stroke(size_t k);
/// A marker of series `k` centred at (x, y) (SVG lengths).
std::string series_marker(const std::string& id, size_t k, const std::string& x,
                          const std::string& y);

/// Legend keys: a small <svg> showing a bar, a line with its marker, or the target mark.
std::string bar_key(const std::string& id, size_t k);
std::string line_key(const std::string& id, size_t k);
std::string target_key();

}  // namespace firefly
