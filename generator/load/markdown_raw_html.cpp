#include "load/markdown_raw_html.h"

#include <algorithm>
#include <initializer_list>

#include "core/text.h"

namespace firefly {

bool is_html_comment(std::string_view html) {
  if (html.substr(0, 4) != "<!--") return false;
  size_t end = html.find("-->", 4);
  return end != std::string_view::npos && trim(html.substr(end + 3)).empty();
}

namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// The tag `html` starts with, lower case with its '/' ("br", "/b"), or what it starts with
/// when that is no tag ("<?php", "<!DOCTYPE").
std::string tag_of(std::string_view html) {
  size_t i = 1;
  std::string tag;
  if (i < html.size() && html[i] == '/') tag += html[i++];
  while (i < html.size() && (is_ascii_alnum(html[i]) || (html[i] == '-' && tag.size() > 1))) {
    tag += ascii_lower(html.substr(i++, 1));
  }
  if (tag.empty() || tag == "/") {
    size_t end = html.find_first_of(" \t\n>", 1);
    return std::string(html.substr(0, std::min<size_t>(end, 12)));
  }
  return tag;
}

}  // namespace

void count_shown_html(std::string_view html, Pos pos, std::vector<ShownHtml>& shown) {
  std::string tag = tag_of(trim(html));
  for (ShownHtml& s : shown) {
    if (s.tag == tag) {
      ++s.count;
      return;
    }
    if (tag.front() == '/' && s.tag == tag.substr(1)) return;  // </b> after <b>: one warning
  }
  shown.push_back({std::move(tag), pos, 1});
}

std::string shown_html_message(const ShownHtml& shown) {
  std::string written = shown.tag.front() == '<' ? shown.tag : "<" + shown.tag + ">";
  std::string message = "this HTML is shown as text on the page: " + written;
  if (shown.count > 1) {
    message += " (here and " + std::to_string(shown.count - 1) + " more time" +
               (shown.count > 2 ? "s" : "") + " on this page)";
  }
  return message;
}

std::string shown_html_hint(const ShownHtml& shown) {
  std::string tag = shown.tag.front() == '/' ? shown.tag.substr(1) : shown.tag;
  auto is = [&](std::initializer_list<std::string_view> names) {
    for (std::string_view n : names) {
      if (tag == n) return true;
    }
    return false;
  };
  if (is({"br"})) {
    return "to break a line, end it with a backslash (\\); for a new paragraph, leave a blank "
           "line";
  }
  if (is({"b", "strong"})) return "write bold text as **text**";
  if (is({"i", "em"})) return "write slanted text as *text*";
  if (is({"a"})) return "write a link as [the words to click](https://example.gov.tw/page)";
  if (is({"img"})) return "write an image as ![what it shows](/images/photo.jpg)";
  if (is({"p", "div"})) return "leave a blank line between paragraphs";
  if (is({"h1", "h2", "h3", "h4", "h5", "h6"})) return "write a heading as ## Heading";
  if (is({"ul", "ol", "li"})) return "write a list with '- ' at the start of each item's line";
  if (is({"table", "tr", "td", "th", "thead", "tbody"})) {
    return "write a table with | between the cells and a |---| line under the header";
  }
  if (is({"u", "font", "center", "span"})) {
    return "the site's style sets how text looks; write the text without the tag";
  }
  return "Markdown needs no HTML for text, links, images, lists or tables; a site whose "
         "authors are all trusted may keep HTML with `markdown: {unsafe_html: true}` in "
         "site.yaml";
}

}  // namespace firefly
