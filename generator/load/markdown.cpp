#include "load/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include "core/text.h"
#include "core/text_break.h"
#include "load/markdown_fences.h"
#include "load/markdown_html.h"
#include "load/markdown_memory.h"
#include "load/markdown_nodes.h"

namespace firefly {

namespace {

bool dangerous_url(std::string_view url, bool is_image) {
  std::string lower = ascii_lower(trim(url));
  std::string compact;
  for (char c : lower) {
    if (c > ' ') compact += c;  // browsers ignore embedded white space and controls
  }
  if (starts_with(compact, "javascript:") || starts_with(compact, "vbscript:") ||
      starts_with(compact, "file:")) {
    return true;
  }
  if (starts_with(compact, "data:")) {
    return !(is_image &&
             (starts_with(compact, "data:image/png") || starts_with(compact, "data:image/gif") ||
              starts_with(compact, "data:image/jpeg") || starts_with(compact, "data:image/webp")));
  }
  return false;
}

std::string node_text(cmark_node* node) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(iter);
    if (ev != CMARK_EVENT_ENTER) continue;
    auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      if (const char* lit = cmark_node_get_literal(n)) out += lit;
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      out += ' ';
    }
  }
  cmark_iter_free(iter);
  return out;
}

cmark_node* text_node(const std::string& text) {
  cmark_node* t = cmark_node_new_with_mem(CMARK_NODE_TEXT, MarkdownMemory::allocator());
  cmark_node_set_literal(t, text.c_str());
  return t;
}

/// An inline `<span lang="xx">` or `</span>`: kept even without unsafe_html, so a
/// translation can mark a passage in another language.
bool is_lang_span(cmark_node* n) {
  if (cmark_node_get_type(n) != CMARK_NODE_HTML_INLINE) return false;
  const char* lit = cmark_node_get_literal(n);
  std::string_view html = lit ? lit : "";
  return html == "</span>" || !lang_span_open(html).empty();
}

/// Whether line `line` (1-based) of `body` is a closing fence of at least `length` `mark`s:
/// a fenced block that ends on another line ran to the end of the file unclosed.
bool closes_fence(std::string_view body, int line, int length, char mark) {
  if (length <= 0) return false;
  std::string_view text = trim(nth_line(body, line));
  size_t marks = text.find_first_not_of(mark);
  if (marks == std::string_view::npos) marks = text.size();
  return marks >= static_cast<size_t>(length) && trim(text.substr(marks)).empty();
}

/// Whether a heading holds nothing but white space: no words, no image, no link, nothing a
/// later step keeps a pointer to (the walk goes on into a node's children).
bool has_no_words(cmark_node* heading) {
  for (cmark_node* c = cmark_node_first_child(heading); c; c = cmark_node_next(c)) {
    if (cmark_node_get_type(c) != CMARK_NODE_TEXT) return false;
    const char* lit = cmark_node_get_literal(c);
    if (lit && !trim(lit).empty()) return false;
  }
  return true;
}

struct Walk {
  std::vector<cmark_node*> raw_html;
  /// Left out of the page: HTML comments (markdown_raw_html.h) and empty headings.
  std::vector<cmark_node*> left_out;
  std::vector<cmark_node*> embeds;
  std::vector<cmark_node*> tables;
  std::vector<std::string> heading_ids;
};

}  // namespace

std::string embed_placeholder(size_t index) {
  return "<!--firefly-embed:" + std::to_string(index) + "-->";
}

/// The parsed tree of a document and what the render step needs of it.
struct MarkdownDocument::Tree {
  /// What the parser and the tree are allocated from (null once both are freed).
  std::unique_ptr<MarkdownMemory> memory = std::make_unique<MarkdownMemory>();
  cmark_parser* parser = nullptr;
  cmark_node* doc = nullptr;
  /// A link or image, its URL as written, where it is and whether it lacks alt text.
  struct Link {
    cmark_node* node;
    std::string url;
    Pos pos;
    bool is_image;
    bool missing_alt;
  };
  std::vector<Link> links;
  std::vector<std::string> heading_ids;
  bool task_list = false;  ///< an item of a task list: its boxes are named (markdown_html.h)
  MarkdownResult parts;    ///< text and embeds (html is made by render)
  /// Rendered ahead (doc and parser freed): the HTML, and where each link's URL goes.
  bool ahead = false;
  struct Hole {
    size_t at, length, link;  ///< in parts.html, the marker's length, into links
  };
  std::vector<Hole> holes;

  ~Tree() {
    if (doc) cmark_node_free(doc);
    if (parser) cmark_parser_free(parser);
  }
};

namespace {

std::atomic<size_t> documents_parsed{0};

}  // namespace

size_t markdown_documents_parsed() { return documents_parsed; }

MarkdownDocument::MarkdownDocument(std::string_view body, bool unsafe_html, int first_line,
                                   std::vector<MarkdownItem>* scan)
    : tree_(std::make_unique<Tree>()) {
  detail::ensure_markdown_extensions();
  ++documents_parsed;
  Tree& t = *tree_;
  MarkdownResult& result = t.parts;
  MarkdownMemory::Use use(*t.memory);
  t.parser = cmark_parser_new_with_mem(detail::kMarkdownOptions, MarkdownMemory::allocator());
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(t.parser, ext);
    }
  }
  cmark_parser_feed(t.parser, body.data(), body.size());
  t.doc = cmark_parser_finish(t.parser);

  Walk walk;
  std::map<std::string, int> id_counts;
  cmark_iter* iter = cmark_iter_new(t.doc);
  cmark_event_type ev;
  int scan_line = first_line;
  detail::NodePositions position{body, first_line};
  int shown_level = 1;  // of the heading before: the page's title at first
  std::string prose;    // the start of the paragraphs' text, for the summary
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(iter);
    if (scan) detail::scan_node(n, first_line, scan_line, *scan);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
        if (!unsafe_html && !is_lang_span(n)) {
          const char* lit = cmark_node_get_literal(n);
          std::string_view html = lit ? lit : "";
          if (is_html_comment(html)) {
            walk.left_out.push_back(n);
          } else {
            walk.raw_html.push_back(n);
            count_shown_html(html, position(n), result.shown_html);
          }
        }
        break;
      case CMARK_NODE_CODE_BLOCK: {
        const char* info = cmark_node_get_fence_info(n);
        std::string kind = info ? std::string(trim(info)) : "";
        if (is_embed_kind(kind)) {
          const char* lit = cmark_node_get_literal(n);
          int length = 0, offset = 0;
          char mark = '`';
          cmark_node_get_fenced(n, &length, &offset, &mark);
          result.embeds.push_back({kind, lit ? lit : "",
                                   cmark_node_get_start_line(n) + first_line - 1,
                                   !closes_fence(body, cmark_node_get_end_line(n), length, mark)});
          walk.embeds.push_back(n);
        } else if (!kind.empty()) {  // ```tabel: code, though it most likely meant a table
          int length = 0, offset = 0;
          char mark = '`';
          cmark_node_get_fenced(n, &length, &offset, &mark);
          if (auto typo = misspelt_fence(kind, std::string(length, mark), position(n))) {
            result.misspelt_fences.push_back(std::move(*typo));
          }
        }
        break;
      }
      case CMARK_NODE_HEADING: {
        if (has_no_words(n)) {  // `## ` alone: an empty heading, left out
          walk.left_out.push_back(n);
          result.empty_headings.push_back(position(n));
          break;
        }
        // A heading that skips levels (##### after ##, or after the page's title, its h1)
        // is made the level below the heading before it: screen reader users move by
        // levels, and a skipped one reads as a missing section (WCAG 1.3.1).
        int level = cmark_node_get_heading_level(n);
        if (level > shown_level + 1) cmark_node_set_heading_level(n, level = shown_level + 1);
        shown_level = level;
        std::string text = node_text(n);
        std::string id = slugify(text);
        if (id.empty()) id = "section";
        int& count = id_counts[id];
        if (count++) id += "-" + std::to_string(count);
        t.heading_ids.push_back(id);
        result.text += text;
        result.text += "\n";
        break;
      }
      case CMARK_NODE_PARAGRAPH: {
        std::string text = node_text(n);
        // The summary's text: paragraphs only, while it may still be short of the summary
        // (a heading's words run into the next paragraph's with nothing between them).
        if (prose.size() < kSummaryUnits * 16) prose.append(text).append("\n");
        result.text += text;
        result.text += "\n";
        break;
      }
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE: {
        bool is_image = cmark_node_get_type(n) == CMARK_NODE_IMAGE;
        const char* url = cmark_node_get_url(n);
        Pos at = position(n);
        // Its words, when they are one short text ("click here", not *click* here): as a
        // screen reader lists the link.
        cmark_node* words = is_image ? nullptr : cmark_node_first_child(n);
        if (words && !cmark_node_next(words) && cmark_node_get_type(words) == CMARK_NODE_TEXT) {
          const char* lit = cmark_node_get_literal(words);
          std::string_view text = lit ? lit : "";
          if (text.size() <= 48 && is_vague_link_text(text)) {
            result.vague_links.push_back({std::string(text), at});
          }
        }
        t.links.push_back(
            {n, url ? url : "", at, is_image, is_image && trim(node_text(n)).empty()});
        break;
      }
      default:
        if (std::string_view type = cmark_node_get_type_string(n); type == "table") {
          walk.tables.push_back(n);
        } else if (type == "tasklist") {
          t.task_list = true;
        }
        break;
    }
  }
  cmark_iter_free(iter);
  // A body of headings only is summed up by them.
  result.summary = truncate_text(trim(prose.empty() ? result.text : prose), kSummaryUnits);
  result.reading = count_reading(result.text);

  // A wide table scrolls inside its own box (reachable by keyboard), not the page.
  for (cmark_node* table : walk.tables) {
    cmark_node* open = cmark_node_new_with_mem(CMARK_NODE_HTML_BLOCK, MarkdownMemory::allocator());
    cmark_node_set_literal(open, "<div class=\"table-wrap\" tabindex=\"0\">\n");
    cmark_node* close = cmark_node_new_with_mem(CMARK_NODE_HTML_BLOCK, MarkdownMemory::allocator());
    cmark_node_set_literal(close, "</div>\n");
    cmark_node_insert_before(table, open);
    cmark_node_insert_after(table, close);
  }

  for (cmark_node* n : walk.left_out) {
    cmark_node_unlink(n);
    cmark_node_free(n);
  }
  for (cmark_node* n : walk.raw_html) {
    const char* lit = cmark_node_get_literal(n);
    cmark_node* replacement = text_node(lit ? lit : "");
    if (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK) {
      cmark_node* para = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, MarkdownMemory::allocator());
      cmark_node_append_child(para, replacement);
      replacement = para;
    }
    cmark_node_replace(n, replacement);
    cmark_node_free(n);
  }
  for (size_t i = 0; i < walk.embeds.size(); ++i) {
    cmark_node* html = cmark_node_new_with_mem(CMARK_NODE_HTML_BLOCK, MarkdownMemory::allocator());
    cmark_node_set_literal(html, (embed_placeholder(i) + "\n").c_str());
    cmark_node_replace(walk.embeds[i], html);
    cmark_node_free(walk.embeds[i]);
  }
}

MarkdownDocument::~MarkdownDocument() = default;

namespace {

/// The URL `link` is written with: resolved, or "" when it is dangerous.
std::string link_url(const std::string& url, Pos pos, bool is_image,
                     const LinkResolver& resolve_link) {
  if (dangerous_url(url, is_image)) {
    if (resolve_link) resolve_link(url, pos, is_image);  // reports it
    return "";
  }
  if (resolve_link && !url.empty()) return resolve_link(url, pos, is_image);
  return url;
}

/// The HTML of `doc`, its headings given `heading_ids` in document order.
std::string html_with_ids(cmark_node* doc, cmark_parser* parser,
                          const std::vector<std::string>& heading_ids, bool task_list) {
  // The heap's memory (a tree's own would be its document's: markdown_memory.h), freed below.
  char* html = cmark_render_html_with_mem(doc, detail::kMarkdownOptions,
                                          cmark_parser_get_syntax_extensions(parser),
                                          cmark_get_default_mem_allocator());
  std::string result =
      finish_markdown_html(html, heading_ids, task_list);  // read in place, freed here
  free(html);
  return result;
}

/// What marks the URLs of a document rendered ahead: kMarker, the link's index, kMarkerEnd
/// (characters an href keeps as they are).
constexpr std::string_view kMarker = "firefly-url-";
constexpr char kMarkerEnd = '_';

}  // namespace

bool MarkdownDocument::rendered_ahead() const { return tree_->ahead; }

bool MarkdownDocument::render_ahead() {
  Tree& t = *tree_;
  if (t.ahead) return true;
  std::optional<MarkdownMemory::Use> use(*t.memory);
  std::string marker(kMarker);
  for (size_t i = 0; i < t.links.size(); ++i) {
    cmark_node_set_url(t.links[i].node, (marker + std::to_string(i) + kMarkerEnd).c_str());
  }
  std::string html = html_with_ids(t.doc, t.parser, t.heading_ids, t.task_list);
  // Each link's marker once, and no other text like it.
  std::vector<Tree::Hole> holes;
  std::vector<char> seen(t.links.size(), 0);
  for (size_t at = html.find(marker); at != std::string::npos; at = html.find(marker, at + 1)) {
    size_t end = at + marker.size(), link = 0;
    while (end < html.size() && html[end] >= '0' && html[end] <= '9' && link < t.links.size()) {
      link = link * 10 + static_cast<size_t>(html[end++] - '0');
    }
    if (end == at + marker.size() || end >= html.size() || html[end] != kMarkerEnd ||
        link >= t.links.size() || seen[link] || holes.size() == t.links.size() ||
        html.compare(at + marker.size(), end - at - marker.size(), std::to_string(link)) != 0) {
      return false;  // render sets every URL again
    }
    seen[link] = 1;
    holes.push_back({at, end + 1 - at, link});
  }
  if (holes.size() != t.links.size()) return false;
  t.parts.html = std::move(html);
  t.holes = std::move(holes);
  std::vector<std::string>().swap(t.heading_ids);  // their memory freed, not kept
  std::string().swap(t.parts.text);
  cmark_node_free(t.doc);
  cmark_parser_free(t.parser);
  t.doc = nullptr;
  t.parser = nullptr;
  use.reset();
  t.memory.reset();
  for (Tree::Link& link : t.links) link.node = nullptr;
  t.ahead = true;
  return true;
}

MarkdownResult MarkdownDocument::render(const LinkResolver& resolve_link,
                                        const std::function<void(Pos)>& on_missing_alt) {
  Tree& t = *tree_;
  std::vector<std::string> urls(t.ahead ? t.links.size() : 0);
  for (size_t i = 0; i < t.links.size(); ++i) {
    const Tree::Link& link = t.links[i];
    if (link.missing_alt && on_missing_alt) on_missing_alt(link.pos);
    std::string url = link_url(link.url, link.pos, link.is_image, resolve_link);
    if (t.ahead) {
      append_href_escaped(urls[i], url);
      continue;
    }
    // Set every time: an earlier render may have set another language's URL.
    const char* now = cmark_node_get_url(link.node);
    if (url != (now ? now : "")) cmark_node_set_url(link.node, url.c_str());
  }
  MarkdownResult result;
  result.text = t.parts.text;
  result.summary = t.parts.summary;
  result.reading = t.parts.reading;
  result.embeds = t.parts.embeds;
  result.misspelt_fences = t.parts.misspelt_fences;
  result.shown_html = t.parts.shown_html;
  result.vague_links = t.parts.vague_links;
  result.empty_headings = t.parts.empty_headings;
  if (!t.ahead) {
    result.html = html_with_ids(t.doc, t.parser, t.heading_ids, t.task_list);
    return result;
  }
  const std::string& html = t.parts.html;
  size_t room = html.size();
  for (const Tree::Hole& hole : t.holes) room += urls[hole.link].size() - hole.length;
  result.html.reserve(room);  // exactly: see html_with_ids
  size_t pos = 0;
  for (const Tree::Hole& hole : t.holes) {
    result.html.append(html, pos, hole.at - pos);
    result.html += urls[hole.link];
    pos = hole.at + hole.length;
  }
  result.html.append(html, pos, std::string::npos);
  return result;
}

MarkdownResult render_markdown(std::string_view body, const MarkdownOptions& options) {
  MarkdownDocument doc(body, options.unsafe_html, options.first_line);
  return doc.render(options.resolve_link, options.on_missing_alt);
}

}  // namespace firefly
