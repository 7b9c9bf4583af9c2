#include "commands/report.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace firefly {

TEST_CASE("print_diagnostics --format github writes UTF-8 and one line an annotation") {
  // A file name saved in Latin-1 (caf\xE9.md) went into the annotation as its raw byte.
  Diagnostics diags;
  diags.error("content/caf\xE9.md", {}, "the file name 'caf\xE9' cannot be part of a web address");
  diags.error("content/a.md", {2, 3}, "line\nbreak, 100%", "a: b");
  std::ostringstream out;
  print_diagnostics(diags, "/nonexistent", "github", out);
  CHECK(out.str() ==
        "::error file=content/a.md,line=2,col=3::line<U+000A>break, 100%25 (a: b)\n"
        "::error file=content/caf<0xE9>.md::the file name 'caf<0xE9>' cannot be part of a web "
        "address\n");
}

TEST_CASE(
    "print_diagnostics shows the source line of a file that also has a diagnostic without one") {
  // content/nul.md: a warning about its name (no line) came first, and the error at line 2
  // was printed without its line and caret.
  namespace fs = std::filesystem;
  const fs::path site =
      fs::temp_directory_path() / ("firefly-report-" + std::to_string(::getpid()));
  fs::create_directories(site / "content");
  std::ofstream(site / "content" / "nul.md") << "---\ntitle: x\n---\n";
  Diagnostics diags;
  diags.warning("content/nul.md", {}, "'nul' is a name Windows keeps for a device");
  diags.error("content/nul.md", {2, 8}, "a problem");
  std::ostringstream out;
  print_diagnostics(diags, site, "text", out);
  fs::remove_all(site);
  CHECK(out.str().find("    title: x\n           ^\n") != std::string::npos);
}

}  // namespace firefly
