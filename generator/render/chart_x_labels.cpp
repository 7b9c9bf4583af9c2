#include "render/chart_x_labels.h"

#include <algorithm>
#include <limits>

#include "render/chart_draw.h"
#include "render/chart_style.h"

namespace firefly {

double x_label_left(size_t k, size_t n, double width, double plot, double before) {
  const double centre = (static_cast<double>(k) + 0.5) * plot / static_cast<double>(n);
  return std::clamp(centre - width / 2, -before, std::max(-before, plot - width));
}

namespace {

/// The space between the labels of `a` and of `b` after it in `room`.
double gap(const XLabelRoom& room, size_t a, size_t b) {
  const size_t n = room.widths.size();
  return x_label_left(b, n, room.widths[b], room.plot, room.before) -
         (x_label_left(a, n, room.widths[a], room.plot, room.before) + room.widths[a]);
}

/// Every `step`-th of `among` from the first, and its last; the ones too close to the
/// last dropped (the first kept over the last).
std::vector<size_t> every(const XLabelRoom& room, const std::vector<size_t>& among, size_t step) {
  std::vector<size_t> shown;
  for (size_t k : among) {
    if (k % step == 0) shown.push_back(k);
  }
  if (!among.empty() && shown.back() != among.back()) shown.push_back(among.back());
  // (Years: the one before the last a year or more before it, or it would say its year too.)
  auto close = [&](size_t a, size_t b) {
    return gap(room, a, b) < kXLabelClearEms || (room.year > 0 && b - a < room.year);
  };
  while (shown.size() >= 2 && close(shown[shown.size() - 2], shown.back())) {
    shown.erase(shown.end() - (shown.size() == 2 ? 1 : 2));
  }
  return shown;
}

bool fits(const XLabelRoom& room, const std::vector<size_t>& shown) {
  if (shown.size() > std::max<size_t>(room.most, 1)) return false;
  for (size_t i = 1; i < shown.size(); ++i) {
    if (gap(room, shown[i - 1], shown[i]) < kXLabelClearEms) return false;
  }
  return true;
}

/// Whether every `step`-th category reads as a period of a year of `cycle` (0: any does):
/// a step that divides it (each month, quarter) or is a multiple of it (each year).
bool whole_period(size_t step, size_t cycle) {
  return cycle == 0 || cycle % step == 0 || step % cycle == 0;
}

}  // namespace

std::vector<std::vector<size_t>> thin_x_labels(const std::vector<XLabelRoom>& rooms, size_t cycle) {
  std::vector<std::vector<size_t>> out;
  if (rooms.empty()) return out;
  const size_t n = rooms.front().widths.size();
  std::vector<size_t> among(n);
  for (size_t k = 0; k < n; ++k) among[k] = k;
  size_t step = 1;
  for (const XLabelRoom& room : rooms) {
    // Every step-th, each step a multiple of the wider room's (and of a year where the
    // labels are years), until they stand clear.
    auto allowed = [&](size_t s) {
      return s >= n || (room.year > 0 ? s % room.year == 0 : whole_period(s, cycle));
    };
    const size_t base = step;
    while (!allowed(step)) step += base;
    std::vector<size_t> shown = every(room, among, step);
    while (!fits(room, shown)) {
      if (step >= n) {  // not even the first and the last: the first alone
        shown.resize(std::min<size_t>(shown.size(), 1));
        break;
      }
      do {
        step += base;
      } while (!allowed(step));
      shown = every(room, among, step);
    }
    among = shown;
    out.push_back(std::move(shown));
  }
  return out;
}

XLabelChoice choose_x_labels(const std::vector<std::string>& labels,
                             const std::vector<std::string>& years, size_t cycle, double y_ems,
                             bool long_labels, double wrap_ems) {
  const size_t n = labels.size();
  constexpr size_t kNoYears = std::numeric_limits<size_t>::max();
  // The rooms, widest first: the plot beside the y axis' ticks in the narrowest box of each,
  // with years from room `first_year` on.
  auto make_rooms = [&](size_t first_year) {
    std::vector<XLabelRoom> rooms;
    for (size_t b = kXLabelBoxes.size(); b-- > 0;) {
      XLabelRoom room;
      room.plot = std::max(kXLabelBoxes[b] - y_ems, kNarrowPlotEms);
      room.most = kXLabelMost[b];
      room.before = y_ems;
      const bool in_years = rooms.size() >= first_year;
      if (in_years) room.year = cycle;
      const bool wraps = long_labels && kXLabelBoxes[b] < kXLabelWrapBelow;
      for (size_t k = 0; k < n; ++k) {
        room.widths.push_back(in_years ? text_ems(years[k])
                              : wraps  ? std::min(text_ems(labels[k]), wrap_ems)
                                       : text_ems(labels[k]));
      }
      rooms.push_back(std::move(room));
    }
    return rooms;
  };
  XLabelChoice out;
  std::vector<std::vector<size_t>> shown = thin_x_labels(make_rooms(kNoYears), cycle);
  // Where the months show fewer than two (the first alone), their years, from there down.
  const bool can_years = years.size() == n && cycle > 0 && n >= 2;
  for (size_t r = 1; r < shown.size() && can_years; ++r) {
    if (shown[r].size() >= 2) continue;
    shown = thin_x_labels(make_rooms(r), cycle);
    out.years_below = kXLabelBoxes[kXLabelBoxes.size() - r];
    break;
  }
  out.from.assign(n, -1);
  for (size_t r = 0; r < shown.size(); ++r) {
    for (size_t k : shown[r]) out.from[k] = kXLabelBoxes[kXLabelBoxes.size() - 1 - r];
  }
  return out;
}

namespace {

/// Whether the character whose first byte is `lead` is a Chinese character (or kana,
/// Hangul: the lead bytes text_ems counts 1em), beside which a line may break.
bool wide_letter(unsigned char lead) { return lead >= 0xE3 && lead <= 0xED; }

}  // namespace

double two_line_ems(const std::string& label) {
  const std::string_view all(label);
  double best = text_ems(all);
  // The start of the character before `at`, for a break between two characters.
  size_t before = 0;
  for (size_t at = 1; at < all.size(); ++at) {
    const auto c = static_cast<unsigned char>(all[at]);
    if ((c & 0xC0) == 0x80) continue;  // inside a character
    if (all[at] == ' ') {
      best = std::min(best, std::max(text_ems(all.substr(0, at)), text_ems(all.substr(at + 1))));
    } else if (all[before] != ' ' &&
               (wide_letter(c) || wide_letter(static_cast<unsigned char>(all[before])))) {
      // 民國113年 / 12月: a line breaks before or after a Chinese character.
      best = std::min(best, std::max(text_ems(all.substr(0, at)), text_ems(all.substr(at))));
    }
    before = at;
  }
  return best;
}

double x_label_wrap_ems(const std::vector<std::string>& labels) {
  double wrap = 0;
  for (const std::string& l : labels) wrap = std::max(wrap, two_line_ems(l));
  return wrap * 1.1;
}

}  // namespace firefly
