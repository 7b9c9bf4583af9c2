#include "render/site_files.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/hash.h"
#include "core/json.h"
#include "core/language_tag.h"
#include "core/locale.h"
#include "core/text.h"
#include "model/site_patch_match.h"

namespace firefly {

namespace {

/// The xml:lang attribute of a text of the feed in the site language `code` when that is
/// not the feed's own, else "": a screen reader or a feed reader reads it in its language.
std::string xml_lang_of(const Site& site, std::string_view code, const Language& lang) {
  if (code.empty() || code == lang.code) return "";
  const Language* in = site.config->language(std::string(code));
  return lang_attribute(in && in->html_lang != lang.html_lang ? in->html_lang : "",
                        LangSyntax::kXml);
}

/// `title_lang`: the code of the language `title` is in when not the feed's ("" when it is).
std::string feed_xml(const Site& site, const std::vector<Body>& bodies,
                     const std::vector<size_t>& entries, const std::string& title,
                     std::string_view title_lang, const std::string& self,
                     const std::string& alternate, const Language& lang) {
  const SiteConfig& c = *site.config;
  const std::string& def = c.default_language().code;
  const TimeZone& zone = c.timezone;
  // The newest entry's time, compared as instants (offsets differ across daylight saving).
  std::string updated = "1970-01-01T00:00:00Z";
  std::optional<long long> newest;
  for (size_t i : entries) {
    const Page& p = *site.pages[i];
    const Date& d = p.updated ? *p.updated : *p.date;
    if (!newest || zone.instant(d) > *newest) {
      newest = zone.instant(d);
      updated = zone.rfc3339(d);
    }
  }
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  x += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + xml_escape(lang.html_lang) +
       "\">\n";
  x += "  <title" + xml_lang_of(site, title_lang, lang) + ">" + xml_escape(title) + "</title>\n";
  x += "  <id>" + xml_escape(site.absolute_url(self)) + "</id>\n";
  x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
       xml_escape(site.absolute_url(self)) + "\"/>\n";
  x += "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
       xml_escape(site.absolute_url(alternate)) + "\"/>\n";
  x += "  <updated>" + updated + "</updated>\n";
  x += "  <author" + xml_lang_of(site, c.publisher.name.lang_of(lang.code, def), lang) + "><name>" +
       xml_escape(c.publisher.name.get(lang.code, def)) + "</name></author>\n";
  for (size_t i : entries) {
    const Page& p = *site.pages[i];
    const Date& d = p.updated ? *p.updated : *p.date;
    x += "  <entry>\n";
    x += "    <title" + xml_lang_of(site, p.title_lang, lang) + ">" + xml_escape(p.title) +
         "</title>\n";
    x += "    <id>" + xml_escape(site.absolute_url(p.url)) + "</id>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
         xml_escape(site.absolute_url(p.url)) + "\"/>\n";
    x += "    <published>" + zone.rfc3339(*p.date) + "</published>\n";
    x += "    <updated>" + zone.rfc3339(d) + "</updated>\n";
    const std::string& summary =
        bodies[i].summary.empty() ? p.description : bodies[i].summary.str();
    x += "    <summary>" + xml_escape(summary) + "</summary>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

/// The folder of the feeds of `lang`: "" or "en/".
std::string feed_dir(const Site& site, const Language& lang) {
  std::string prefix = site.lang_prefix(lang.code);
  return prefix.empty() ? "" : prefix.substr(1) + "/";
}

}  // namespace

bool in_feeds(const Page& p) {
  return p.date && !p.fallback && (p.kind == PageKind::kPage || p.kind == PageKind::kScorecard);
}

bool before_in_feeds(const Page& a, const Page& b) {
  if (a.date != b.date) return a.date > b.date;
  return a.url < b.url;
}

std::vector<std::string> site_file_paths(const Site& site) {
  // The sections render_feeds gives a feed, without their entries: one pass over the
  // pages, which come a section at a time in each language (the languages interleaved).
  std::map<std::string, std::set<std::string>> sections;  // language -> sections
  std::vector<const Page*> last;  // the last page added, for each language seen
  for (const auto& p : site.pages) {
    bool feed = p->kind == PageKind::kSection ||
                (p->kind == PageKind::kPage && !p->section.empty() && in_feeds(*p));
    if (!feed) continue;
    auto same_lang = [&](const Page* q) { return q->lang == p->lang; };
    auto seen = std::find_if(last.begin(), last.end(), same_lang);
    if (seen != last.end() && (*seen)->section == p->section) continue;
    sections[p->lang].insert(p->section);
    if (seen == last.end()) seen = last.insert(last.end(), nullptr);
    *seen = p.get();
  }
  std::vector<std::string> paths = {"robots.txt", "sitemap.xml"};
  for (const Language& lang : site.config->languages) {
    std::string dir = feed_dir(site, lang);
    paths.push_back(dir + "feed.xml");
    for (const std::string& section : sections[lang.code]) {
      paths.push_back(dir + section + "/feed.xml");
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

void render_feeds(const Site& site, const std::vector<Body>& bodies, OutputSet& out,
                  std::vector<FeedShown>* shown) {
  for (const Language& lang : site.config->languages) {
    render_feeds(site, bodies, lang, out, shown);
  }
}

void render_feeds(const Site& site, const std::vector<Body>& bodies, const Language& lang,
                  OutputSet& out, std::vector<FeedShown>* shown) {
  const SiteConfig& c = *site.config;
  std::map<std::string, std::vector<size_t>> by_section;
  std::vector<size_t> all;
  for (const auto& p : site.pages) {
    if (p->kind == PageKind::kSection && p->lang == lang.code) by_section[p->section];
  }
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& p = *site.pages[i];
    if (p.lang != lang.code || !in_feeds(p)) continue;
    all.push_back(i);  // the site's feed: pages and plans' results
    if (p.kind == PageKind::kPage && !p.section.empty()) by_section[p.section].push_back(i);
  }
  // The 20 newest; the order is total, so it needs no stable sort.
  auto newest_first = [&](std::vector<size_t>& v) {
    size_t keep = std::min<size_t>(v.size(), kFeedEntries);
    std::partial_sort(v.begin(), v.begin() + keep, v.end(), [&](size_t a, size_t b) {
      return before_in_feeds(*site.pages[a], *site.pages[b]);
    });
    v.resize(keep);
  };
  std::string prefix = site.lang_prefix(lang.code);
  std::string dir = feed_dir(site, lang);
  auto record = [&](const std::string& path, const std::string& section,
                    const std::vector<size_t>& entries, size_t members) {
    if (shown) shown->push_back({path, lang.code, section, entries, members > entries.size()});
  };
  size_t members = all.size();
  newest_first(all);
  const std::string& def = c.default_language().code;
  std::string site_title = c.title.get(lang.code, def);
  std::string site_title_lang(c.title.lang_of(lang.code, def));
  if (site_title_lang == lang.code) site_title_lang.clear();
  out.push_back({dir + "feed.xml",
                 feed_xml(site, bodies, all, site_title, site_title_lang, prefix + "/feed.xml",
                          prefix + "/", lang),
                 ""});
  record(out.back().path, "", all, members);
  for (auto& [section, entries] : by_section) {
    members = entries.size();
    newest_first(entries);
    const Page* s = site.find("section:" + section, lang.code);
    std::string title = (s ? s->title : section) + " — " + site_title;
    // The title is in one other language only when both its parts are.
    // A section page shown from another language's (no _index of this one) has its title.
    std::string section_lang = !s || s->title_language() == s->lang ? "" : s->title_language();
    std::string title_lang = s && section_lang == site_title_lang ? site_title_lang : "";
    std::string url = prefix + "/" + section + "/";
    out.push_back({dir + section + "/feed.xml",
                   feed_xml(site, bodies, entries, title, title_lang, url + "feed.xml", url, lang),
                   ""});
    record(out.back().path, section, entries, members);
  }
}

std::vector<size_t> pages_now(const Site& site, const std::vector<size_t>& index,
                              const Site& before) {
  size_t n = site.pages.size(), m = before.pages.size();
  if (index.empty() ? m != n : index.size() != n) return {};
  std::vector<size_t> now_of(m, kNoPageBefore);
  std::unordered_map<const Page*, size_t> unmatched;
  for (size_t i = 0; i < n; ++i) {
    size_t j = index.empty() ? i : index[i];
    if (j == kNoPageBefore) {
      unmatched.emplace(site.pages[i].get(), i);
    } else if (j >= m || now_of[j] != kNoPageBefore) {
      return {};
    } else {
      now_of[j] = i;
    }
  }
  if (unmatched.empty()) return now_of;
  for (size_t j = 0; j < m; ++j) {
    if (now_of[j] != kNoPageBefore) continue;
    auto at = site.by_url.find(before.pages[j]->url);
    if (at == site.by_url.end()) continue;
    auto it = unmatched.find(at->second);
    if (it == unmatched.end()) continue;
    now_of[j] = it->second;
    unmatched.erase(it);
  }
  return now_of;
}

SiteFilePrint site_file_print(const Page& p, std::string_view summary) {
  Hasher h;
  auto add_date = [&](const std::optional<Date>& d) { h.add(d ? d->rfc3339() : "-"); };
  h.add(static_cast<std::uint64_t>(p.kind)).add(p.key).add(p.lang).add(p.url);
  h.add(p.draft ? 1 : 0).add(p.fallback ? 1 : 0);
  add_date(p.date);
  add_date(p.updated);
  SiteFilePrint print;
  print.sitemap = h.get();
  print.feeds = h.add(p.section).add(p.title).add(summary).add(p.description).get();
  return print;
}

SiteFilePrint site_files_fingerprint(const std::vector<SiteFilePrint>& prints) {
  Hasher feeds, sitemap;
  feeds.add(static_cast<std::uint64_t>(prints.size()));
  sitemap.add(static_cast<std::uint64_t>(prints.size()));
  for (const SiteFilePrint& print : prints) {
    feeds.add(print.feeds);
    sitemap.add(print.sitemap);
  }
  return {feeds.get(), sitemap.get()};
}

}  // namespace firefly
