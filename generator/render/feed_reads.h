// What each Atom feed showed, for the next build to make again only the feeds of a
// language in which a page they show, or would now show, changed.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "model/site.h"
#include "render/site_files.h"

namespace firefly {

/// The languages whose feeds must be made again: a feed reads the pages it shows and the
/// date and address of every page of its language and section that could take a place in
/// it, and its section page. A page counts when it is new, gone or has another feeds
/// print (`prints`, `prints_before`: site_file_print of each page); `now_of` as
/// pages_now() gives it; `shown`: the feeds of `before`.
std::set<std::string> feed_languages_changed(const Site& site,
                                             const std::vector<SiteFilePrint>& prints,
                                             const Site& before,
                                             const std::vector<SiteFilePrint>& prints_before,
                                             const std::vector<size_t>& now_of,
                                             const std::vector<FeedShown>& shown);

}  // namespace firefly
