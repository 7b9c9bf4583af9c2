// Markdown -> HTML through cmark-gfm (the only file that includes cmark-gfm).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_break.h"
#include "core/value.h"
#include "load/markdown_fences.h"
#include "load/markdown_raw_html.h"
#include "load/vague_links.h"

namespace firefly {

/// A ```chart, ```table, ```scorecard or ```indicator block, replaced in the HTML by
/// embed_placeholder(index).
struct Embed {
  std::string kind;  ///< "chart" or "table"
  std::string yaml;  ///< the block's text
  int line = 0;      ///< line of the opening fence in the source file
  /// No closing fence: the block runs to the end of the file (its text is not settings).
  bool unclosed = false;
};

/// Rewrites a link or image URL found at `pos`; returns the URL to write.
using LinkResolver = std::function<std::string(const std::string& url, Pos pos, bool is_image)>;

/// How to render a document.
struct MarkdownOptions {
  bool unsafe_html = false;   ///< keep raw HTML (else it is shown as text, but for lang spans)
  LinkResolver resolve_link;  ///< optional
  std::function<void(Pos)> on_missing_alt;  ///< optional: an image without alt text
  int first_line = 1;                       ///< line of the body's first line in its file
};

/// How many reading units (truncate_text) of its text a body's summary keeps.
constexpr size_t kSummaryUnits = 120;

/// The rendered document.
struct MarkdownResult {
  std::string html;
  /// Plain text of the paragraphs and headings ("" from a document rendered ahead).
  std::string text;
  std::string summary;   ///< its paragraphs' text (no headings) trimmed and cut to kSummaryUnits
  ReadingCount reading;  ///< count_reading(text)
  std::vector<Embed> embeds;
  /// Fenced blocks published as code whose info string most likely meant an embed
  /// (```tabel, ```Chart), for a warning at each.
  std::vector<MisspeltFence> misspelt_fences;
  /// Raw HTML shown as text (markdown.unsafe_html off), one entry per tag, for a warning.
  std::vector<ShownHtml> shown_html;
  /// Links whose words say nothing of where they lead ("click here"), for a warning.
  std::vector<VagueLink> vague_links;
  /// Headings with no words (`## ` alone), left out of the HTML, for a warning.
  std::vector<Pos> empty_headings;
};

/// Renders GitHub-flavoured Markdown (tables, strikethrough, autolinks, task lists,
/// footnotes) with ids on headings; `javascript:`-style URLs are dropped. `body` must be
/// valid UTF-8 (as every page's is once loaded: load_source_page rejects the others), here
/// and in MarkdownDocument and scan_markdown; a NUL byte becomes U+FFFD.
MarkdownResult render_markdown(std::string_view body, const MarkdownOptions& options);

/// One thing a document states, at a line of its file, as `scan_markdown` finds it.
struct MarkdownItem {
  enum class Kind {
    kHeading,
    kListItem,
    kLink,
    kImage,
    kEmbed,
    kCode,
    kText,
    kLangOpen,
    kLangClose
  };
  Kind kind = Kind::kText;
  std::string value;  ///< URL, embed text, code, text run, or the span's lang; "" otherwise
  int line = 0;
};

/// A document parsed once and rendered any number of times, each time with its own link
/// resolver: a page shown in several languages (its fallbacks) is parsed once. Not for use
/// by two threads at once.
class MarkdownDocument {
 public:
  /// With `scan`, lists there the items `scan_markdown` lists, as this parse finds them
  /// (the same when scan_shares_render_parse(body)).
  MarkdownDocument(std::string_view body, bool unsafe_html, int first_line = 1,
                   std::vector<MarkdownItem>* scan = nullptr);
  ~MarkdownDocument();
  MarkdownDocument(const MarkdownDocument&) = delete;
  MarkdownDocument& operator=(const MarkdownDocument&) = delete;

  /// Renders the document as render_markdown does, with these callbacks (both optional).
  MarkdownResult render(const LinkResolver& resolve_link,
                        const std::function<void(Pos)>& on_missing_alt);

  /// Renders the HTML now, each link's and image's URL left open, and frees the parsed
  /// tree and the text (its summary and reading count are kept): `render` then only fills
  /// the URLs in. Keeps the tree (false) in the rare
  /// document whose HTML holds the text that marks them. For a document kept a while
  /// before it is rendered: its HTML takes less memory than its tree.
  bool render_ahead();
  bool rendered_ahead() const;

 private:
  struct Tree;
  std::unique_ptr<Tree> tree_;
};

/// How many documents this process has parsed (MarkdownDocument and render_markdown).
size_t markdown_documents_parsed();

/// The headings, list items, links, images, embeds, code spans, text runs and
/// `<span lang="…">` spans of a document, in order, with their lines
/// (`first_line` = the line of the body's first line in its file).
std::vector<MarkdownItem> scan_markdown(std::string_view body, int first_line = 1);

/// `scan_markdown`'s items of a document and, when the same parse serves its render, that
/// document, rendered ahead.
struct MarkdownScan {
  std::vector<MarkdownItem> items;
  std::unique_ptr<MarkdownDocument> document;  ///< null: the document must be parsed again
};

/// Scans `body` as `scan_markdown` does, with the parse the render makes when that gives
/// the same items: when `body` has no `~` and no task-list box (`[ ]`, `[x]`), which only
/// the render's parse reads (strikethrough and task lists, which the scan leaves out).
MarkdownScan scan_markdown_for_render(std::string_view body, bool unsafe_html, int first_line = 1);

/// Whether `body` has neither `~` nor a task-list box: its scan and its render can share
/// one parse.
bool scan_shares_render_parse(std::string_view body);

/// Appends `url` as cmark-gfm writes it in an href or src attribute: URL characters as
/// they are, `&` and `'` as entities, any other byte as %XX.
void append_href_escaped(std::string& out, std::string_view url);

/// The language of an inline `<span lang="xx">`, or "" when `html` is not one.
std::string lang_span_open(std::string_view html);

/// The HTML comment that stands for embed `index` until the render stage replaces it.
std::string embed_placeholder(size_t index);

}  // namespace firefly
