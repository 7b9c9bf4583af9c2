#include "render/site_files.h"

#include <algorithm>
#include <map>
#include <optional>

#include "core/hash.h"
#include "core/json.h"
#include "core/locale.h"
#include "core/text.h"

namespace firefly {

namespace {

std::string feed_xml(const Site& site, const std::vector<Body>& bodies,
                     const std::vector<size_t>& entries, const std::string& title,
                     const std::string& self, const std::string& alternate, const Language& lang) {
  const SiteConfig& c = *site.config;
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
  x += "  <title>" + xml_escape(title) + "</title>\n";
  x += "  <id>" + xml_escape(site.absolute_url(self)) + "</id>\n";
  x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
       xml_escape(site.absolute_url(self)) + "\"/>\n";
  x += "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
       xml_escape(site.absolute_url(alternate)) + "\"/>\n";
  x += "  <updated>" + updated + "</updated>\n";
  x += "  <author><name>" + xml_escape(c.publisher.name.get(lang.code, c.default_language().code)) +
       "</name></author>\n";
  for (size_t i : entries) {
    const Page& p = *site.pages[i];
    const Date& d = p.updated ? *p.updated : *p.date;
    x += "  <entry>\n";
    x += "    <title>" + xml_escape(p.title) + "</title>\n";
    x += "    <id>" + xml_escape(site.absolute_url(p.url)) + "</id>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
         xml_escape(site.absolute_url(p.url)) + "\"/>\n";
    x += "    <published>" + zone.rfc3339(*p.date) + "</published>\n";
    x += "    <updated>" + zone.rfc3339(d) + "</updated>\n";
    const std::string& summary = bodies[i].summary.empty() ? p.description : bodies[i].summary;
    x += "    <summary>" + xml_escape(summary) + "</summary>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

}  // namespace

void render_feeds(const Site& site, const std::vector<Body>& bodies, OutputSet& out) {
  for (const Language& lang : site.config->languages) render_feeds(site, bodies, lang, out);
}

void render_feeds(const Site& site, const std::vector<Body>& bodies, const Language& lang,
                  OutputSet& out) {
  const SiteConfig& c = *site.config;
  std::map<std::string, std::vector<size_t>> by_section;
  std::vector<size_t> all;
  for (const auto& p : site.pages) {
    if (p->kind == PageKind::kSection && p->lang == lang.code) by_section[p->section];
  }
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& p = *site.pages[i];
    if (p.lang != lang.code || !p.date || p.fallback) continue;
    if (p.kind == PageKind::kScorecard) all.push_back(i);  // the site's feed: plans' results
    if (p.kind != PageKind::kPage) continue;
    all.push_back(i);
    if (!p.section.empty()) by_section[p.section].push_back(i);
  }
  // The 20 newest; URLs are unique, so the order is total and needs no stable sort.
  auto newest_first = [&](std::vector<size_t>& v) {
    size_t keep = std::min<size_t>(v.size(), 20);
    std::partial_sort(v.begin(), v.begin() + keep, v.end(), [&](size_t a, size_t b) {
      if (site.pages[a]->date != site.pages[b]->date) {
        return site.pages[a]->date > site.pages[b]->date;
      }
      return site.pages[a]->url < site.pages[b]->url;
    });
    v.resize(keep);
  };
  std::string prefix = site.lang_prefix(lang.code);
  std::string dir = prefix.empty() ? "" : prefix.substr(1) + "/";
  newest_first(all);
  std::string site_title = c.title.get(lang.code, c.default_language().code);
  out.push_back({dir + "feed.xml",
                 feed_xml(site, bodies, all, site_title, prefix + "/feed.xml", prefix + "/", lang),
                 ""});
  for (auto& [section, entries] : by_section) {
    newest_first(entries);
    const Page* s = site.find("section:" + section, lang.code);
    std::string title = (s ? s->title : section) + " — " + site_title;
    std::string url = prefix + "/" + section + "/";
    out.push_back({dir + section + "/feed.xml",
                   feed_xml(site, bodies, entries, title, url + "feed.xml", url, lang), ""});
  }
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
