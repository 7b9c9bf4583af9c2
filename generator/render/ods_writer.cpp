#include "render/ods_writer.h"

#include <charconv>
#include <cstdio>
#include <optional>

#include "core/text.h"
#include "render/zip_writer.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

constexpr size_t kPiece = 256 * 1024;

constexpr std::string_view kNamespaces =
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
    " office:version=\"1.3\"";

/// The automatic styles: bold header cells (ce1), dates shown as YYYY-MM-DD (ce2) and one
/// column width per column (co<i>).
std::string automatic_styles(const SheetText& text) {
  std::string out =
      "<office:automatic-styles>"
      "<number:date-style style:name=\"N1\"><number:year number:style=\"long\"/>"
      "<number:text>-</number:text><number:month number:style=\"long\"/>"
      "<number:text>-</number:text><number:day number:style=\"long\"/></number:date-style>"
      "<style:style style:name=\"ce1\" style:family=\"table-cell\">"
      "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
      "<style:style style:name=\"ce2\" style:family=\"table-cell\" "
      "style:data-style-name=\"N1\"/>"
      "<style:style style:name=\"coa\" style:family=\"table-column\">"
      "<style:table-column-properties style:column-width=\"5cm\"/></style:style>"
      "<style:style style:name=\"cob\" style:family=\"table-column\">"
      "<style:table-column-properties style:column-width=\"12cm\"/></style:style>";
  for (size_t c = 0; c < text.widths.size(); ++c) {
    char width[32];
    std::snprintf(width, sizeof width, "%.2fcm", text.widths[c] * 0.22);
    out += "<style:style style:name=\"co" + std::to_string(c) +
           "\" style:family=\"table-column\"><style:table-column-properties "
           "style:column-width=\"" +
           width + "\"/></style:style>";
  }
  return out + "</office:automatic-styles>";
}

void text_cell(std::string& out, std::string_view text, const char* style = nullptr) {
  if (text.empty()) {
    out += "<table:table-cell/>";
    return;
  }
  out += "<table:table-cell";
  if (style) out += std::string(" table:style-name=\"") + style + "\"";
  out += " office:value-type=\"string\"><text:p>";
  append_ods_text(out, text);
  out += "</text:p></table:table-cell>";
}

std::string number_text(double d) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return ec == std::errc() ? std::string(buf, end) : "0";
}

/// Appends one typed cell; false when its text is too long for a spreadsheet.
bool typed_cell(std::string& out, const SheetCell& cell) {
  switch (cell.kind) {
    case SheetCell::Kind::kEmpty:
      out += "<table:table-cell/>";
      break;
    case SheetCell::Kind::kNumber:
      out += "<table:table-cell office:value-type=\"float\" office:value=\"" +
             number_text(cell.number) + "\"/>";
      break;
    case SheetCell::Kind::kBoolean:
      out += std::string(
                 "<table:table-cell office:value-type=\"boolean\" "
                 "office:boolean-value=\"") +
             (cell.flag ? "true" : "false") + "\"/>";
      break;
    case SheetCell::Kind::kDate:
      out +=
          "<table:table-cell table:style-name=\"ce2\" office:value-type=\"date\" "
          "office:date-value=\"" +
          Date{cell.date.year, cell.date.month, cell.date.day}.iso() + "\"/>";
      break;
    case SheetCell::Kind::kText:
      if (char_count(cell.text) > kSheetMaxCellChars) return false;
      text_cell(out, cell.text);
      break;
  }
  return true;
}

}  // namespace

std::string ods_meta_xml(const SheetText& text) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta";
  out += kNamespaces;
  out += "><office:meta><dc:title>";
  append_html_escaped(out, text.title);
  out += "</dc:title>";
  if (!text.description.empty()) {
    out += "<dc:description>";
    append_html_escaped(out, text.description);
    out += "</dc:description>";
  }
  out += "<meta:initial-creator>";
  append_html_escaped(out, text.publisher);
  out += "</meta:initial-creator><dc:language>";
  append_html_escaped(out, text.lang);
  out += "</dc:language>";
  if (text.created.year) {  // an unknown date is left out, not invented
    std::string day = Date{text.created.year, text.created.month, text.created.day}.iso();
    out += "<meta:creation-date>" + day + "T00:00:00</meta:creation-date>";
    out += "<dc:date>" + day + "T00:00:00</dc:date>";
  }
  out += "</office:meta></office:document-meta>\n";
  return out;
}

namespace {

std::string styles_xml() {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles") +
         std::string(kNamespaces) + "><office:styles/></office:document-styles>\n";
}

}  // namespace

std::string ods_settings_xml(const SheetText& text) {
  std::string sheet;
  append_html_escaped(sheet, text.data_sheet);
  auto item = [](const char* name, const char* type, const std::string& value) {
    return std::string("<config:config-item config:name=\"") + name + "\" config:type=\"" + type +
           "\">" + value + "</config:config-item>";
  };
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-settings "
      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\" "
      "office:version=\"1.3\"><office:settings>"
      "<config:config-item-set config:name=\"ooo:view-settings\">"
      "<config:config-item-map-indexed config:name=\"Views\"><config:config-item-map-entry>";
  out += item("ViewId", "string", "view1");
  out += "<config:config-item-map-named config:name=\"Tables\">";
  out += "<config:config-item-map-entry config:name=\"" + sheet + "\">";
  out += item("HorizontalSplitMode", "short", "0") + item("VerticalSplitMode", "short", "2") +
         item("HorizontalSplitPosition", "int", "0") + item("VerticalSplitPosition", "int", "1") +
         item("ActiveSplitRange", "short", "2") + item("PositionLeft", "int", "0") +
         item("PositionRight", "int", "0") + item("PositionTop", "int", "0") +
         item("PositionBottom", "int", "1");
  out += "</config:config-item-map-entry></config:config-item-map-named>";
  out += item("ActiveTable", "string", sheet);
  out +=
      "</config:config-item-map-entry></config:config-item-map-indexed>"
      "</config:config-item-set></office:settings></office:document-settings>\n";
  return out;
}

namespace {

std::string manifest_xml() {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<manifest:manifest "
      "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
      "manifest:version=\"1.3\">\n"
      " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" "
      "manifest:media-type=\"";
  out += kOdsMediaType;
  out += "\"/>\n";
  for (const char* part : {"content.xml", "meta.xml", "styles.xml", "settings.xml"}) {
    out += std::string(" <manifest:file-entry manifest:full-path=\"") + part +
           "\" manifest:media-type=\"text/xml\"/>\n";
  }
  return out + "</manifest:manifest>\n";
}

}  // namespace

void append_ods_text(std::string& out, std::string_view text) {
  bool after_space = true;  // a space at the start is kept as <text:s/>
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ') {
      bool last = i + 1 == text.size();
      out += after_space || last ? "<text:s/>" : " ";
      after_space = true;
      continue;
    }
    after_space = false;
    if (c == '\t') {
      out += "<text:tab/>";
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "</text:p><text:p>";  // a cell's lines are paragraphs, as Calc writes them
      after_space = true;
    } else if (c < 0x20) {
      out += "\xEF\xBF\xBD";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += static_cast<char>(c);
    }
  }
}

bool write_ods_content(const Dataset& ds, const SheetText& text, const ByteSink& sink) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content";
  out += kNamespaces;
  out += ">" + automatic_styles(text) + "<office:body><office:spreadsheet>\n";
  out += "<table:table table:name=\"";
  append_html_escaped(out, text.data_sheet);
  out += "\">";
  for (size_t c = 0; c < text.headings.size(); ++c) {
    out += "<table:table-column table:style-name=\"co" + std::to_string(c) + "\"/>";
  }
  out += "\n<table:table-header-rows><table:table-row>";
  for (const std::string& h : text.headings) text_cell(out, h, "ce1");
  out += "</table:table-row></table:table-header-rows>\n";
  for (size_t r = 0; r < ds.row_count(); ++r) {
    const std::vector<Value> row = ds.row(r);
    out += "<table:table-row>";
    for (size_t c = 0; c < row.size() && c < ds.columns.size(); ++c) {
      if (!typed_cell(out, sheet_cell(row[c], ds.columns[c], text.lang))) return false;
    }
    out += "</table:table-row>\n";
    if (out.size() >= kPiece) {
      sink(out);
      out.clear();
    }
  }
  out += "</table:table>\n<table:table table:name=\"";
  append_html_escaped(out, text.about_sheet);
  out +=
      "\"><table:table-column table:style-name=\"coa\"/>"
      "<table:table-column table:style-name=\"cob\" table:number-columns-repeated=\"4\"/>\n";
  for (const std::vector<std::string>& row : text.about) {
    out += "<table:table-row>";
    if (row.empty()) out += "<table:table-cell/>";
    for (size_t c = 0; c < row.size(); ++c) text_cell(out, row[c], c == 0 ? "ce1" : nullptr);
    out += "</table:table-row>\n";
  }
  out += "</table:table>\n</office:spreadsheet></office:body></office:document-content>\n";
  sink(out);
  return true;
}

bool write_ods(const Dataset& ds, const SheetText& text, const fs::path& dest,
               const fs::path& tmpdir) {
  std::string content;
  std::string content_file;
  bool ok = true;
  if (tmpdir.empty()) {
    ok = write_ods_content(ds, text, [&](std::string_view piece) { content += piece; });
  } else {
    content_file = (tmpdir / (dest.filename().string() + ".content.xml")).string();
    std::FILE* f = std::fopen(content_file.c_str(), "wb");
    bool written = f != nullptr;
    ok = f && write_ods_content(ds, text, [&](std::string_view piece) {
           if (std::fwrite(piece.data(), 1, piece.size(), f) != piece.size()) written = false;
         });
    if (f && std::fclose(f) != 0) written = false;
    ok = ok && written;
  }
  std::string mimetype = kOdsMediaType, meta = ods_meta_xml(text), styles = styles_xml(),
              settings = ods_settings_xml(text), manifest = manifest_xml();
  if (ok) {
    std::vector<ZipEntry> entries{{"mimetype", mimetype, "", text.created, true},
                                  {"content.xml", content, content_file, text.created},
                                  {"meta.xml", meta, "", text.created},
                                  {"styles.xml", styles, "", text.created},
                                  {"settings.xml", settings, "", text.created},
                                  {"META-INF/manifest.xml", manifest, "", text.created}};
    ok = write_zip(std::move(entries), dest, ZipOrder::kAsGiven);
  }
  std::error_code ec;
  if (!content_file.empty()) fs::remove(content_file, ec);
  if (!ok) fs::remove(dest, ec);
  return ok;
}

}  // namespace firefly
