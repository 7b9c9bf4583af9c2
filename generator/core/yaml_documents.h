// What a YAML file's lines and documents are, where yaml-cpp reads them otherwise than YAML.
// A file is one document: a line `---` (or `...`, or a directive such as `%YAML`) in its
// middle starts another, which a reader of the first alone would leave out without a word
// (the keys of site.yaml after it: its collections, its menus). A CR alone ends a line.
#pragma once

#include <string>
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

/// `text` with each CR that no LF follows made an LF (into `copy`), as YAML reads it: a
/// file saved with an old Mac program's line ends was one line to yaml-cpp, a comment when it
/// began with one (a dataset's metadata left out without a word). Byte for byte, so every
/// position stays where it was; `text` itself when it has no such CR.
std::string_view lone_cr_as_lf(std::string_view text, std::string& copy);

}  // namespace firefly::detail
