// Errors are values: a message tied to a file and a position, collected in a
// Diagnostics list and formatted in one place (format_diagnostic).
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace firefly {

/// How bad a diagnostic is.
enum class Severity { kError, kWarning };

/// One problem found in the site, with where it is and how to fix it.
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string path;     ///< site-relative path, e.g. "content/stories/a.md"
  Pos pos;              ///< line and column in `path` (0 = unknown)
  std::string message;  ///< what is wrong, in plain language
  std::string hint;     ///< how to fix it ("did you mean 'learning'?"), may be empty
};

/// A thread-safe collection of diagnostics, capped so a hopeless site stays readable.
class Diagnostics {
 public:
  static constexpr size_t kCap = 50;

  void error(std::string path, Pos pos, std::string message, std::string hint = {});
  void warning(std::string path, Pos pos, std::string message, std::string hint = {});
  void add(Diagnostic d);
  /// add(make()) for a diagnostic of `severity`, with `make` called only when it is kept
  /// (the first kCap of its kind): one left out costs a count, not its strings.
  template <typename Make>
  void add_made(Severity severity, Make&& make) {
    std::lock_guard lock(mu_);
    size_t& count = severity == Severity::kError ? errors_ : warnings_;
    if (++count <= kCap) items_.push_back(make());
  }
  /// add_made() of `n` diagnostics of `severity` under one lock: `make(i)` makes the i-th
  /// (0-based) when it is kept.
  template <typename Make>
  void add_made_n(Severity severity, size_t n, Make&& make) {
    std::lock_guard lock(mu_);
    size_t& count = severity == Severity::kError ? errors_ : warnings_;
    size_t i = 0;
    for (; i < n && count < kCap; ++i, ++count) items_.push_back(make(i));
    count += n - i;
  }
  void append(const Diagnostics& other);

  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  /// All diagnostics sorted by path, line, column (stable for determinism).
  std::vector<Diagnostic> sorted() const;

 private:
  mutable std::mutex mu_;
  std::vector<Diagnostic> items_;
  size_t errors_ = 0;
  size_t warnings_ = 0;
};

/// Formats `d` as `path:line:col: error: message`, then the source line and a
/// caret under the column, then the hint. `source` is the file's text (may be
/// empty when unavailable).
std::string format_diagnostic(const Diagnostic& d, std::string_view source);

/// `text` (a file's name or line) as the terminal is to show it: bidirectional controls and
/// control characters but the tab written as "<U+001B>", never obeyed; a byte that is not
/// UTF-8 as "<0xFF>".
std::string visible_text(std::string_view text);

/// A name or value as an error message quotes it: 'x'.
std::string in_quotes(std::string_view s);

/// The closest candidate to `word`: one that differs only in ASCII letter case or in
/// full-width forms (ｔｉｔｌｅ), else the nearest by edit distance; "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
/// The hint "did you mean 'x'?" for the closest candidate, or "" when none is close.
std::string did_you_mean_hint(std::string_view word, const std::vector<std::string>& candidates);
/// did_you_mean_hint, or when none is close the candidates themselves, after `what`: "the
/// columns are tahun, rumah, catatan" (at most 12, then "and 3 more"); "" when there are none.
std::string did_you_mean_or_list(std::string_view word, const std::vector<std::string>& candidates,
                                 std::string_view what);

/// Thrown for a programming bug; main() turns it into exit code 3.
struct InternalError : std::exception {
  explicit InternalError(std::string m) : message(std::move(m)) {}
  const char* what() const noexcept override { return message.c_str(); }
  std::string message;
};

}  // namespace firefly
