#include "core/error.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <tuple>

#include "core/text.h"
#include "core/text_break.h"
#include "core/wide_forms.h"

namespace firefly {

namespace {
// The text of a CSV line before its `field`-th field (1-based), honouring quotes.
std::string_view csv_field_prefix(std::string_view line, int field) {
  int current = 1;
  bool quoted = false;
  for (size_t i = 0; i < line.size() && current < field; ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (line[i] == ',' && !quoted && ++current == field) return line.substr(0, i + 1);
  }
  return current == field ? line.substr(0, 0) : line;
}

/// Longest text (bytes) of a message, a hint, and each side of the caret in a source line:
/// one error never floods the terminal, whatever the input.
constexpr size_t kMaxMessage = 400;
constexpr size_t kMaxContext = 100;

/// The start of the UTF-8 character at or after `i`.
size_t char_boundary(std::string_view s, size_t i) {
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}

/// The blank start of the caret line, as wide in a terminal as `text`, the quoted line's
/// text before the caret: a space for each column a character takes (display_width: two
/// for a wide one, none for a combining mark), and a tab for each tab, which then reaches
/// the tab stop the line's tab reaches, however wide the terminal's tabs are.
std::string blank_as_wide_as(std::string_view text) {
  std::string out;
  for (size_t tab; (tab = text.find('\t')) != std::string_view::npos; text.remove_prefix(tab + 1)) {
    out.append(display_width(text.substr(0, tab)), ' ');
    out += '\t';
  }
  out.append(display_width(text), ' ');
  return out;
}

/// `text` cut to about `max` bytes at a character boundary, with "…" when cut.
std::string capped(std::string_view text, size_t max) {
  if (text.size() <= max) return visible_text(text);
  return visible_text(text.substr(0, char_boundary(text, max))) + "…";
}
}  // namespace

void Diagnostics::error(std::string path, Pos pos, std::string message, std::string hint) {
  add({Severity::kError, std::move(path), pos, std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string path, Pos pos, std::string message, std::string hint) {
  add({Severity::kWarning, std::move(path), pos, std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) {
  std::lock_guard lock(mu_);
  bool is_error = d.severity == Severity::kError;
  (is_error ? errors_ : warnings_)++;
  // Keep every diagnostic up to the cap of each kind; counts stay exact.
  if ((is_error ? errors_ : warnings_) <= kCap) items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const Diagnostic& d : other.sorted()) add(d);
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  std::lock_guard lock(mu_);
  return errors_;
}

size_t Diagnostics::warning_count() const {
  std::lock_guard lock(mu_);
  return warnings_;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard lock(mu_);
    out = items_;
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.pos.line, a.pos.col, a.message) <
           std::tie(b.path, b.pos.line, b.pos.col, b.message);
  });
  return out;
}

/// `text` with bidirectional controls written as "<U+202E>": printed raw, they would
/// reorder the terminal's line and hide what the error is about. So are control
/// characters but the tab (from a file's name or text): an escape sequence would restyle
/// or clear the terminal, and a line break start a line of its own, which CI logs read
/// as a command ("::error ..."), and C1 controls (U+0080-U+009F). So are the characters that show
/// as nothing or as a space and have no place in a figure (a byte order mark U+FEFF, word joiner
/// U+2060, no-break spaces U+00A0 and U+202F): "value '1' is not a whole number" with one of them
/// hidden in the cell would not say what is wrong. Not the zero-width space, which Thai text writes
/// between words.
std::string visible_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
    size_t n = 1;  // the character's bytes
    if (b(0) >= 0x80) {
      // A byte that is not part of a UTF-8 character (a file name in Latin-1): shown as
      // "<0xFF>", so that what reads this (a terminal, a JSON parser) gets UTF-8.
      n = b(0) >= 0xF0 ? 4 : b(0) >= 0xE0 ? 3 : 2;
      if (b(0) < 0xC2 || b(0) > 0xF4 || i + n > text.size() || !is_valid_utf8(text.substr(i, n))) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "<0x%02X>", static_cast<unsigned>(b(0)));
        out += buf;
        continue;
      }
    }
    uint32_t c = 0;
    size_t len = 0;
    if ((b(0) < 0x20 && b(0) != '\t') || b(0) == 0x7F) {
      c = b(0);
      len = 1;
    } else if (b(0) == 0xE2 && i + 2 < text.size()) {
      c = 0x2000 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F);
      len = 3;
    } else if (b(0) == 0xD8 && i + 1 < text.size() && b(1) == 0x9C) {
      c = 0x061C;
      len = 2;
    } else if (b(0) == 0xC2 && i + 1 < text.size() && (b(1) & 0xE0) == 0x80) {
      c = b(1);  // a C1 control (U+009B is a terminal's CSI, as ESC [ is)
      len = 2;
    } else if (b(0) == 0xC2 && i + 1 < text.size() && b(1) == 0xA0) {
      c = 0x00A0;
      len = 2;
    } else if (b(0) == 0xEF && i + 2 < text.size() && b(1) == 0xBB && b(2) == 0xBF) {
      c = 0xFEFF;
      len = 3;
    }
    if ((len == 1 && c < 0x80) || (len == 2 && c >= 0x80 && c <= 0x9F) || c == 0x061C ||
        c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
        (c >= 0x2066 && c <= 0x2069) || c == 0x00A0 || c == 0x202F || c == 0x2060 || c == 0xFEFF) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "<U+%04X>", static_cast<unsigned>(c));
      out += buf;
      i += len - 1;
      continue;
    }
    out.append(text, i, n);
    i += n - 1;
  }
  return out;
}

std::string format_diagnostic(const Diagnostic& d, std::string_view source) {
  std::string out = d.path.empty() ? std::string("firefly") : visible_text(d.path);
  if (d.pos.line > 0) {
    out += ':' + std::to_string(d.pos.line);
    if (d.pos.col > 0) out += ':' + std::to_string(d.pos.col);
  }
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += capped(d.message, kMaxMessage);
  out += '\n';
  if (d.pos.line > 0 && !source.empty()) {
    std::string_view line = nth_line(source, d.pos.line);
    if (!line.empty() && is_valid_utf8(line)) {
      // In a CSV file the column is the field's number (data/x.csv:17:3 = third field).
      size_t caret = d.pos.col <= 0              ? 0
                     : ends_with(d.path, ".csv") ? csv_field_prefix(line, d.pos.col).size()
                                                 : utf8_prefix(line, d.pos.col - 1).size();
      // A long line shows only the part around the caret.
      size_t from = caret > kMaxContext ? char_boundary(line, caret - kMaxContext) : 0;
      size_t to = char_boundary(line, std::min(line.size(), caret + kMaxContext));
      std::string lead = from > 0 ? "…" : "";
      out += "    " + lead;
      out += visible_text(line.substr(from, to - from));
      out += to < line.size() ? "…\n" : "\n";
      if (d.pos.col > 0) {
        // Under the caret's character, however wide the characters before it are.
        out += from > 0 ? "     " : "    ";  // "…" takes one column
        out += blank_as_wide_as(visible_text(line.substr(from, caret - from)));
        out += "^\n";
      }
    }
  }
  if (!d.hint.empty()) out += "    = help: " + capped(d.hint, kMaxMessage) + '\n';
  return out;
}

namespace {
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t prev = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cur = row[j];
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + cost});
      prev = cur;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string in_quotes(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  // The same word in other letter case first ('ROC' -> 'roc'), or typed with full-width
  // letters by an input method left in full-width mode ('ｄｒａｆｔ' -> 'draft'): the edit
  // distance counts each byte, so such a word would find no candidate, or a nearer other one.
  const std::string lower = ascii_lower(half_width(word));
  for (const std::string& c : candidates) {
    if (c != word && ascii_lower(c) == lower) return c;
  }
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string did_you_mean_hint(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best = did_you_mean(word, candidates);
  if (best.empty()) {
    // Words other tools use for a key Firefly names otherwise (a chart's `type:` in most
    // chart libraries is its `kind:` here), offered when that key is one of the candidates.
    static constexpr std::pair<std::string_view, std::string_view> kOtherWords[] = {
        {"type", "kind"}, {"chart_type", "kind"}, {"caption", "title"}, {"label", "title"}};
    for (const auto& [other, ours] : kOtherWords) {
      if (word == other &&
          std::find(candidates.begin(), candidates.end(), ours) != candidates.end()) {
        best = ours;
      }
    }
  }
  return best.empty() ? std::string() : "did you mean '" + best + "'?";
}

std::string did_you_mean_or_list(std::string_view word, const std::vector<std::string>& candidates,
                                 std::string_view what) {
  std::string hint = did_you_mean_hint(word, candidates);
  if (!hint.empty() || candidates.empty()) return hint;
  // "x: year" where the columns are Indonesian (tahun): nothing is close, so name them.
  constexpr size_t kListed = 12;
  hint = std::string(what) + " are ";
  for (size_t i = 0; i < candidates.size() && i < kListed; ++i) {
    hint += (i ? ", " : "") + candidates[i];
  }
  if (candidates.size() > kListed) {
    hint += " and " + std::to_string(candidates.size() - kListed) + " more";
  }
  return hint;
}

}  // namespace firefly
