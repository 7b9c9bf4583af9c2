// What Firefly adds to the HTML cmark-gfm renders for a page's Markdown: ids on the
// headings, and a name for each task list item's check box.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace firefly {

/// `html` (cmark-gfm's, with its tasklist extension) with `heading_ids` given to its
/// headings in document order, and each task list item's check box named by its item: the
/// item gets an id ("task-1", "task-2", … skipping any of `heading_ids`) that the box's
/// aria-labelledby names, so a screen reader says what is done, not "check box" alone.
/// `task_list` false: the Markdown has no task list (the HTML is not looked through for one).
std::string finish_markdown_html(std::string_view html, const std::vector<std::string>& heading_ids,
                                 bool task_list = true);

}  // namespace firefly
