// Markdown -> HTML through cmark-gfm (the only file that includes cmark-gfm).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace firefly {

/// A ```chart, ```table, ```scorecard or ```indicator block, replaced in the HTML by
/// embed_placeholder(index).
struct Embed {
  std::string kind;  ///< "chart" or "table"
  std::string yaml;  ///< the block's text
  int line = 0;      ///< line of the opening fence in the source file
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

/// The rendered document.
struct MarkdownResult {
  std::string html;
  std::string text;  ///< plain text of the paragraphs and headings, for summaries and search
  std::vector<Embed> embeds;
};

/// Renders GitHub-flavoured Markdown (tables, strikethrough, autolinks, task lists,
/// footnotes) with ids on headings; `javascript:`-style URLs are dropped. `body` must be
/// valid UTF-8 (as every page's is once loaded: load_source_page rejects the others), here
/// and in MarkdownDocument and scan_markdown; a NUL byte becomes U+FFFD.
MarkdownResult render_markdown(std::string_view body, const MarkdownOptions& options);

/// A document parsed once and rendered any number of times, each time with its own link
/// resolver: a page shown in several languages (its fallbacks) is parsed once. Not for use
/// by two threads at once.
class MarkdownDocument {
 public:
  MarkdownDocument(std::string_view body, bool unsafe_html, int first_line = 1);
  ~MarkdownDocument();
  MarkdownDocument(const MarkdownDocument&) = delete;
  MarkdownDocument& operator=(const MarkdownDocument&) = delete;

  /// Renders the document as render_markdown does, with these callbacks (both optional).
  MarkdownResult render(const LinkResolver& resolve_link,
                        const std::function<void(Pos)>& on_missing_alt);

 private:
  struct Tree;
  std::unique_ptr<Tree> tree_;
};

/// How many documents this process has parsed (MarkdownDocument and render_markdown).
size_t markdown_documents_parsed();

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

/// The headings, list items, links, images, embeds, code spans, text runs and
/// `<span lang="…">` spans of a document, in order, with their lines
/// (`first_line` = the line of the body's first line in its file).
std::vector<MarkdownItem> scan_markdown(std::string_view body, int first_line = 1);

/// The language of an inline `<span lang="xx">`, or "" when `html` is not one.
std::string lang_span_open(std::string_view html);

/// The HTML comment that stands for embed `index` until the render stage replaces it.
std::string embed_placeholder(size_t index);

}  // namespace firefly
