#include "commands/report.h"

#include <doctest/doctest.h>

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

}  // namespace firefly
