#include "render/sitemap_xml.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "model/site_patch_match.h"
#include "render/site_files.h"

namespace firefly {

namespace {

constexpr std::string_view kHeader =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
    "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
constexpr std::string_view kFooter = "</urlset>\n";

/// A page that has an entry: published, listed, and not another language's stand-in.
bool has_entry(const Page& p) {
  return p.kind != PageKind::kRedirect && p.kind != PageKind::kNotFound && !p.draft && !p.fallback;
}

/// The bytes a page's entry takes, about (what the file reserves).
size_t entry_size(const Site& site) { return 512 + 4 * site.config->base_url.size(); }

/// Appends the entry of `p`: its address, date and the alternates of its group.
/// `alternates` is scratch space.
void append_entry(std::string& x, const Site& site, const Page& p,
                  std::vector<const Page*>& alternates) {
  auto append_url = [&site](std::string& x, const std::string& url) {
    append_html_escaped(x, site.absolute_url(url));
  };
  x += "  <url>\n    <loc>";
  append_url(x, p.url);
  x += "</loc>\n";
  if (p.updated || p.date) {
    x += "    <lastmod>";
    x += (p.updated ? *p.updated : *p.date).iso();
    x += "</lastmod>\n";
  }
  auto g = site.groups.find(p.key);
  alternates.clear();
  for (const Language& l : site.config->languages) {
    auto it = g->second.find(l.code);
    if (it != g->second.end() && !it->second->fallback) alternates.push_back(it->second);
  }
  if (alternates.size() > 1) {
    for (const Page* a : alternates) {
      const Language* l = site.config->language(a->lang);
      x += "    <xhtml:link rel=\"alternate\" hreflang=\"";
      append_html_escaped(x, l->html_lang);
      x += "\" href=\"";
      append_url(x, a->url);
      x += "\"/>\n";
    }
    x += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"";
    append_url(x, alternates.front()->url);
    x += "\"/>\n";
  }
  x += "  </url>\n";
}

/// Sorts page indices by the pages' addresses (unique, so the order is total).
void sort_by_url(const Site& site, std::vector<size_t>& pages) {
  std::sort(pages.begin(), pages.end(),
            [&site](size_t a, size_t b) { return site.pages[a]->url < site.pages[b]->url; });
}

/// Passes sitemap.xml (`x`, the file as written) and robots.txt to `out`, keeping a copy
/// of the former in `made`.
void put_files(const Site& site, std::string&& x, OutputSet& out, SitemapXml* made) {
  if (made) made->bytes = std::make_shared<const std::string>(x);
  out.push_back({"sitemap.xml", std::move(x), ""});
  out.push_back({"robots.txt",
                 "User-agent: *\nAllow: /\n\nSitemap: " + site.absolute_url("/sitemap.xml") + "\n",
                 ""});
}

}  // namespace

void render_sitemap_xml(const Site& site, OutputSet& out, SitemapXml* made) {
  std::vector<size_t> pages;
  pages.reserve(site.pages.size());
  for (size_t i = 0; i < site.pages.size(); ++i) {
    if (has_entry(*site.pages[i])) pages.push_back(i);
  }
  sort_by_url(site, pages);
  // Appended in place into one string reserved for every entry: at 10,000 stories the file
  // is several megabytes, and growing it by doubling (with a temporary per piece) cost as
  // much as the rest of an update's site files.
  std::string x;
  x.reserve(256 + pages.size() * entry_size(site));
  x += kHeader;
  if (made) {
    made->entries.clear();
    made->entries.reserve(pages.size());
    made->rendered = pages.size();
  }
  std::vector<const Page*> alternates;
  for (size_t i : pages) {
    if (made) made->entries.emplace_back(i, x.size());
    append_entry(x, site, *site.pages[i], alternates);
  }
  if (made) made->end = x.size();
  x += kFooter;
  put_files(site, std::move(x), out, made);
}

bool patch_sitemap_xml(const Site& site, const std::vector<SiteFilePrint>& prints,
                       const std::vector<size_t>& index, const SitemapBefore& before,
                       OutputSet& out, SitemapXml& made) {
  const SitemapXml& file = before.file;
  size_t n = site.pages.size(), m = before.site.pages.size();
  if (!file.bytes || prints.size() != n || before.prints.size() != m) return false;
  if (index.empty() ? m != n : index.size() != n) return false;
  // The groups whose entries change: those of every page that is new, gone, or shows
  // something else (its print holds its key, address, dates and marks). A page is the
  // page at `index` before, or else (a list page made anew) the one at its address.
  std::unordered_set<std::string_view> keys;
  std::vector<size_t> now_of(m, kNoPageBefore);  // index before -> index now
  std::unordered_map<const Page*, size_t> unmatched;
  auto match = [&](size_t i, size_t j) {
    now_of[j] = i;
    if (prints[i].sitemap != before.prints[j].sitemap) {
      keys.insert(site.pages[i]->key);
      keys.insert(before.site.pages[j]->key);
    }
  };
  for (size_t i = 0; i < n; ++i) {
    size_t j = index.empty() ? i : index[i];
    if (j == kNoPageBefore) {
      unmatched.emplace(site.pages[i].get(), i);
    } else if (j >= m || now_of[j] != kNoPageBefore) {
      return false;
    } else {
      match(i, j);
    }
  }
  for (size_t j = 0; j < m; ++j) {
    if (now_of[j] != kNoPageBefore) continue;
    const Page& q = *before.site.pages[j];
    auto at = unmatched.empty() ? site.by_url.end() : site.by_url.find(q.url);
    auto it = at == site.by_url.end() ? unmatched.end() : unmatched.find(at->second);
    if (it == unmatched.end()) {
      keys.insert(q.key);  // gone
      continue;
    }
    match(it->second, j);
    unmatched.erase(it);
  }
  for (const auto& [page, i] : unmatched) keys.insert(page->key);  // new
  // The entries written again, in the file's order, and where each goes among the
  // entries before (before the entry at that position).
  std::vector<size_t> fresh;
  for (size_t i = 0; i < n; ++i) {
    const Page& p = *site.pages[i];
    if (has_entry(p) && keys.count(p.key)) fresh.push_back(i);
  }
  sort_by_url(site, fresh);
  const std::vector<std::pair<size_t, size_t>>& entries = file.entries;
  auto url_before = [&](size_t k) -> const std::string& {
    return before.site.pages[entries[k].first]->url;
  };
  const std::string& b = *file.bytes;
  std::string x;
  x.reserve(b.size() + fresh.size() * entry_size(site));
  x.append(b, 0, entries.empty() ? file.end : entries.front().second);
  made.entries.clear();
  made.entries.reserve(entries.size() + fresh.size());
  made.rendered = fresh.size();
  std::vector<const Page*> alternates;
  size_t f = 0;
  auto write_fresh_before = [&](const std::string* url) {  // null: all that are left
    for (; f < fresh.size() && (!url || site.pages[fresh[f]]->url < *url); ++f) {
      made.entries.emplace_back(fresh[f], x.size());
      append_entry(x, site, *site.pages[fresh[f]], alternates);
    }
  };
  for (size_t k = 0; k < entries.size(); ++k) {
    size_t j = entries[k].first;
    if (f < fresh.size()) write_fresh_before(&url_before(k));
    if (now_of[j] == kNoPageBefore || keys.count(before.site.pages[j]->key)) continue;
    size_t begin = entries[k].second;
    size_t end = k + 1 < entries.size() ? entries[k + 1].second : file.end;
    made.entries.emplace_back(now_of[j], x.size());
    x.append(b, begin, end - begin);
  }
  write_fresh_before(nullptr);
  made.end = x.size();
  x.append(b, file.end, std::string::npos);
  put_files(site, std::move(x), out, &made);
  return true;
}

}  // namespace firefly
