// A YAML file is one document. A line `---` (or `...`, or a directive such as `%YAML`)
// in its middle starts another, which a reader of the first alone would leave out without
// a word: the keys of site.yaml after it (its collections, its menus), a dataset's columns.
#pragma once

#include <string_view>

namespace YAML {
class Parser;
}

namespace firefly::detail {

/// After `parser` has read a document of `text`: the 0-based line of the separator that
/// starts a further document holding something (a map, a list or a value; an empty one,
/// as `---` at the end of a file, is nothing left out), or -1 when none follows. Throws
/// what yaml-cpp throws for that document's syntax.
int next_document_line(YAML::Parser& parser, std::string_view text);

}  // namespace firefly::detail
