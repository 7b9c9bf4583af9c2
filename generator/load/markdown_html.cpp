#include "load/markdown_html.h"

#include <unordered_set>

#include "core/text.h"

namespace firefly {

namespace {

/// How cmark-gfm's tasklist extension starts an item: the item's tag, then its box.
constexpr std::string_view kTaskItem = "<li><input type=\"checkbox\"";

/// `html` with an id on each task list item that its box's aria-labelledby names.
std::string name_task_boxes(std::string_view html, const std::vector<std::string>& heading_ids) {
  std::unordered_set<std::string_view> taken(heading_ids.begin(), heading_ids.end());
  std::string out;
  out.reserve(html.size() + 64);
  size_t pos = 0, number = 0;
  for (size_t at = html.find(kTaskItem); at != std::string_view::npos;
       at = html.find(kTaskItem, pos)) {
    std::string id;
    do {
      id = "task-" + std::to_string(++number);
    } while (taken.count(id));
    out.append(html, pos, at - pos);
    out += "<li id=\"" + id + "\"><input aria-labelledby=\"" + id + "\" type=\"checkbox\"";
    pos = at + kTaskItem.size();
  }
  out.append(html, pos, std::string_view::npos);
  return out;
}

}  // namespace

std::string finish_markdown_html(std::string_view html, const std::vector<std::string>& heading_ids,
                                 bool task_list) {
  std::string result;
  // Exactly the room the ids take (` id="…"`): bodies are kept for the whole build, and a
  // string grown past its reserve would hold up to twice its size.
  std::vector<std::string> ids(heading_ids.size());
  size_t room = html.size();
  for (size_t i = 0; i < ids.size(); ++i) {
    append_html_escaped(ids[i], heading_ids[i]);
    room += 6 + ids[i].size();
  }
  result.reserve(room);
  size_t next_id = 0, pos = 0;
  while (pos < html.size()) {
    size_t h = html.find("<h", pos);
    if (h == std::string_view::npos || h + 3 >= html.size()) break;
    char level = html[h + 2];
    if (level >= '1' && level <= '6' && html[h + 3] == '>' && next_id < heading_ids.size()) {
      result.append(html, pos, h + 3 - pos);
      result += " id=\"";
      result += ids[next_id++];
      result += '"';
      pos = h + 3;
    } else {
      result.append(html, pos, h + 2 - pos);
      pos = h + 2;
    }
  }
  result.append(html, pos, std::string_view::npos);
  // Task lists are rare: the body is copied once more only when it has one.
  if (task_list && result.find(kTaskItem) != std::string::npos) {
    std::string named = name_task_boxes(result, heading_ids);
    named.shrink_to_fit();
    return named;
  }
  return result;
}

}  // namespace firefly
