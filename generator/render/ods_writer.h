// <name>.ods: an OpenDocument spreadsheet (ODF 1.3, Taiwan's CNS 15251), written by hand as
// a zip of XML through the zip writer. No Debian library writes ODS from C++ without
// pulling in an office suite: libodfgen is built for import filters (librevenge's
// document interfaces) and still leaves the package to its caller; the five small XML
// parts below are all a spreadsheet of typed cells needs.
#pragma once

#include <filesystem>
#include <string>

#include "load/dataset.h"
#include "render/data_files.h"
#include "render/data_sheet.h"

namespace firefly {

/// The media type of an ODS file, also its package's `mimetype` entry.
inline constexpr const char* kOdsMediaType = "application/vnd.oasis.opendocument.spreadsheet";

/// settings.xml: the data sheet opens with its header row frozen (rows scroll under it), in
/// the view settings Calc writes for "Freeze First Row".
std::string ods_settings_xml(const SheetText& text);

/// meta.xml: title, description, creator and language, and `text.created` as the creation
/// date and dc:date, both left out when the date is unknown (unset).
std::string ods_meta_xml(const SheetText& text);

/// Writes content.xml of the ODS of `ds` to `sink` piece by piece: a sheet of the rows
/// under a bold header row of `text.headings` (numbers as office:value-type "float",
/// dates as "date", booleans as "boolean", a missing value as an empty cell) and an about
/// sheet of `text.about`. False when a cell is longer than kSheetMaxCellChars.
bool write_ods_content(const Dataset& ds, const SheetText& text, const ByteSink& sink);

/// Writes the ODS package to `dest`: `mimetype` first and uncompressed, then content.xml
/// (streamed through a temporary file in `tmpdir`, or built in memory when it is ""),
/// meta.xml, styles.xml and META-INF/manifest.xml, every entry dated `text.created`.
/// False (and no file) on failure.
bool write_ods(const Dataset& ds, const SheetText& text, const std::filesystem::path& dest,
               const std::filesystem::path& tmpdir);

/// `text` as the content of a <text:p>: XML-escaped, with spaces that XML would collapse
/// (leading, trailing, repeated) as <text:s/>, tabs as <text:tab/>, each line break
/// closing the paragraph and opening the next, and characters XML cannot hold as U+FFFD.
void append_ods_text(std::string& out, std::string_view text);

}  // namespace firefly
