#include "commands/report.h"

#include <map>

#include "core/fs.h"
#include "core/json.h"

namespace firefly {

namespace {

std::string plural(size_t n, const char* word) {
  std::string s = std::to_string(n);
  // thousands separators for readability: 20,412
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s + " " + word + (n == 1 ? "" : "s");
}

/// Escapes a GitHub workflow command's message; `property` also escapes ':' and ',', which
/// separate a command's properties (file=a.md,line=3).
std::string github_escape(const std::string& s, bool property = false) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace

void print_diagnostics(const Diagnostics& diags, const std::filesystem::path& site_dir,
                       const std::string& format, std::ostream& out) {
  if (format == "json") return;
  std::map<std::string, std::string> sources;
  for (const Diagnostic& d : diags.sorted()) {
    if (format == "github") {
      out << (d.severity == Severity::kError ? "::error" : "::warning");
      if (!d.path.empty()) {
        out << " file=" << github_escape(visible_text(d.path), true);
        if (d.pos.line) out << ",line=" << d.pos.line;
        if (d.pos.col) out << ",col=" << d.pos.col;
      }
      // As the text format shows them: a name in Latin-1 as caf<0xE9>, never its raw byte,
      // which is no UTF-8 for the runner that reads the annotation.
      out << "::"
          << github_escape(visible_text(d.message + (d.hint.empty() ? "" : " (" + d.hint + ")")))
          << "\n";
      continue;
    }
    if (!d.path.empty() && d.pos.line && !sources.count(d.path)) {
      sources[d.path] = read_file(site_dir / d.path).value_or("");
    }
    // Looked up, not made: an empty text made for a diagnostic without a line (a warning
    // about the file's name) hid the source line of every later one of that file.
    auto source = d.pos.line ? sources.find(d.path) : sources.end();
    out << format_diagnostic(d, source == sources.end() ? std::string_view() : source->second);
  }
  size_t hidden = diags.error_count() + diags.warning_count() - diags.sorted().size();
  if (hidden && format == "text") {
    out << "(" << hidden << " more not shown; fix these first)\n";
  }
}

std::string failure_summary(const Diagnostics& diags, bool was_build) {
  return std::string(was_build ? "build failed: " : "check failed: ") +
         plural(diags.error_count(), "error") + ", " + plural(diags.warning_count(), "warning") +
         (was_build ? "; the previous output was left as it was" : "");
}

std::string build_summary(const BuildResult& r, const BuildOptions& options) {
  std::filesystem::path out =
      options.out_dir.empty() ? options.site_dir / "public" : options.out_dir;
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.2f", r.seconds);
  return "built " + plural(r.pages, "page") + " in " + plural(r.languages, "language") + ", " +
         plural(r.datasets, "dataset") +
         (r.photos ? ", " + plural(r.photos, "photo") + " (" + plural(r.photo_encoded, "file") +
                         " encoded, " + std::to_string(r.photo_cached) + " from the cache)"
                   : "") +
         " -> " + out.lexically_normal().string() + "/ in " + secs + " s";
}

std::string check_summary(const BuildResult& r, const Diagnostics& diags) {
  return "check passed: " + plural(r.pages, "page") + " in " + plural(r.languages, "language") +
         ", " + plural(r.datasets, "dataset") + "; " + plural(diags.warning_count(), "warning");
}

std::string check_json(const BuildResult& r, const Diagnostics& diags,
                       const std::filesystem::path&) {
  List errors, warnings, translations;
  for (const Diagnostic& d : diags.sorted()) {
    // As the terminal shows them: JSON must be UTF-8, and a file's name may not be.
    Value v(Map{{"file", visible_text(d.path)},
                {"line", d.pos.line},
                {"column", d.pos.col},
                {"message", visible_text(d.message)},
                {"hint", visible_text(d.hint)}});
    (d.severity == Severity::kError ? errors : warnings).push_back(v);
  }
  for (const std::string& t : r.translation_report) translations.push_back(Value(t));
  return to_json(Value(Map{{"ok", r.exit_code == 0 && !diags.has_errors()},
                           {"pages", static_cast<std::int64_t>(r.pages)},
                           {"errors", Value(std::move(errors))},
                           {"warnings", Value(std::move(warnings))},
                           {"translations", Value(std::move(translations))}}),
                 2);
}

}  // namespace firefly
