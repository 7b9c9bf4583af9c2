#include "render/chart_x_labels.h"

#include <algorithm>

#include "render/chart_style.h"

namespace firefly {

double x_label_left(size_t k, size_t n, double width, double plot) {
  const double centre = (static_cast<double>(k) + 0.5) * plot / static_cast<double>(n);
  return std::clamp(centre - width / 2, 0.0, std::max(0.0, plot - width));
}

namespace {

/// The space between the labels of `a` and of `b` after it in `room`.
double gap(const XLabelRoom& room, size_t a, size_t b) {
  const size_t n = room.widths.size();
  return x_label_left(b, n, room.widths[b], room.plot) -
         (x_label_left(a, n, room.widths[a], room.plot) + room.widths[a]);
}

/// Every `step`-th of `among` from the first, and its last; the ones too close to the
/// last dropped (the first kept over the last).
std::vector<size_t> every(const XLabelRoom& room, const std::vector<size_t>& among, size_t step) {
  std::vector<size_t> shown;
  for (size_t k : among) {
    if (k % step == 0) shown.push_back(k);
  }
  if (!among.empty() && shown.back() != among.back()) shown.push_back(among.back());
  while (shown.size() >= 2 && gap(room, shown[shown.size() - 2], shown.back()) < kXLabelClearEms) {
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

}  // namespace

std::vector<std::vector<size_t>> thin_x_labels(const std::vector<XLabelRoom>& rooms) {
  std::vector<std::vector<size_t>> out;
  if (rooms.empty()) return out;
  const size_t n = rooms.front().widths.size();
  std::vector<size_t> among(n);
  for (size_t k = 0; k < n; ++k) among[k] = k;
  size_t step = 1;
  for (const XLabelRoom& room : rooms) {
    // Every step-th, each step a multiple of the wider room's, until they stand clear.
    const size_t base = step;
    std::vector<size_t> shown = every(room, among, step);
    while (!fits(room, shown)) {
      if (step >= n) {  // not even the first and the last: the first alone
        shown.resize(std::min<size_t>(shown.size(), 1));
        break;
      }
      step += base;
      shown = every(room, among, step);
    }
    among = shown;
    out.push_back(std::move(shown));
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
