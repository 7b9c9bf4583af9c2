#include "render/sitemap_xml.h"

#include <algorithm>
#include <string_view>
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

/// Passes sitemap.xml (`x`, the file as written) and robots.txt to `out`.
void put_files(const Site& site, std::string&& x, OutputSet& out) {
  out.push_back({"sitemap.xml", std::move(x), ""});
  out.push_back({"robots.txt",
                 "User-agent: *\nAllow: /\n\nSitemap: " + site.absolute_url("/sitemap.xml") + "\n",
                 ""});
}

/// The entries of `made` as views into a copy of the file `x`, in which `begins` are
/// where they start (each ends where the next begins, the last at `end`).
void keep_whole(SitemapXml& made, const std::string& x, const std::vector<size_t>& pages,
                const std::vector<size_t>& begins, size_t end) {
  auto kept = std::make_shared<const std::string>(x);
  made.made = true;
  made.pieces = {kept};
  made.entries.clear();
  made.entries.reserve(pages.size());
  for (size_t k = 0; k < pages.size(); ++k) {
    size_t to = k + 1 < pages.size() ? begins[k + 1] : end;
    made.entries.emplace_back(pages[k], std::string_view(*kept).substr(begins[k], to - begins[k]));
  }
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
  std::vector<size_t> begins;
  if (made) begins.reserve(pages.size());
  std::vector<const Page*> alternates;
  for (size_t i : pages) {
    if (made) begins.push_back(x.size());
    append_entry(x, site, *site.pages[i], alternates);
  }
  if (made) {
    keep_whole(*made, x, pages, begins, x.size());
    made->rendered = pages.size();
  }
  x += kFooter;
  put_files(site, std::move(x), out);
}

bool patch_sitemap_xml(const Site& site, const std::vector<SiteFilePrint>& prints,
                       const std::vector<size_t>& now_of, const SitemapBefore& before,
                       OutputSet& out, SitemapXml& made) {
  size_t n = site.pages.size(), m = before.site.pages.size();
  if (!before.file.made || prints.size() != n || before.prints.size() != m || now_of.size() != m) {
    return false;
  }
  // The groups whose entries change: those of every page that is new, gone, or shows
  // something else (its print holds its key, address, dates and marks).
  std::unordered_set<std::string_view> keys;
  std::vector<bool> matched(n, false);
  for (size_t j = 0; j < m; ++j) {
    size_t i = now_of[j];
    if (i == kNoPageBefore) {
      keys.insert(before.site.pages[j]->key);  // gone
      continue;
    }
    matched[i] = true;
    if (prints[i].sitemap != before.prints[j].sitemap) {
      keys.insert(site.pages[i]->key);
      keys.insert(before.site.pages[j]->key);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (!matched[i]) keys.insert(site.pages[i]->key);  // new
  }
  // The entries written again, in the file's order, into a piece of their own.
  std::vector<size_t> fresh;
  for (size_t i = 0; i < n; ++i) {
    const Page& p = *site.pages[i];
    if (has_entry(p) && keys.count(p.key)) fresh.push_back(i);
  }
  sort_by_url(site, fresh);
  std::vector<const Page*> alternates;
  std::string written;
  std::vector<size_t> written_at;
  written_at.reserve(fresh.size() + 1);
  for (size_t i : fresh) {
    written_at.push_back(written.size());
    append_entry(written, site, *site.pages[i], alternates);
  }
  written_at.push_back(written.size());
  auto piece = std::make_shared<const std::string>(std::move(written));
  // The entries kept, each after the fresh ones whose addresses sort before it.
  const std::vector<std::pair<size_t, std::string_view>>& entries = before.file.entries;
  size_t bytes = 0, held = piece->size();
  for (const auto& kept : before.file.pieces) held += kept->size();
  made.made = true;
  made.entries.clear();
  made.entries.reserve(entries.size() + fresh.size());
  made.rendered = fresh.size();
  size_t f = 0;
  auto add_fresh_before = [&](const std::string* url) {  // null: all that are left
    for (; f < fresh.size() && (!url || site.pages[fresh[f]]->url < *url); ++f) {
      std::string_view entry =
          std::string_view(*piece).substr(written_at[f], written_at[f + 1] - written_at[f]);
      made.entries.emplace_back(fresh[f], entry);
      bytes += entry.size();
    }
  };
  for (const auto& [j, entry] : entries) {
    if (f < fresh.size()) add_fresh_before(&before.site.pages[j]->url);
    if (now_of[j] == kNoPageBefore || keys.count(before.site.pages[j]->key)) continue;
    made.entries.emplace_back(now_of[j], entry);
    bytes += entry.size();
  }
  add_fresh_before(nullptr);
  std::string x;
  x.reserve(kHeader.size() + bytes + kFooter.size());
  x += kHeader;
  for (const auto& [i, entry] : made.entries) x += entry;
  x += kFooter;
  // The new entries are kept in a piece of their own, until the pieces hold a quarter
  // more than the file (stale entries): then the file is kept whole again.
  if (held > bytes + bytes / 4) {
    std::vector<size_t> pages, begins;
    pages.reserve(made.entries.size());
    begins.reserve(made.entries.size());
    size_t at = kHeader.size();
    for (const auto& [i, entry] : made.entries) {
      pages.push_back(i);
      begins.push_back(at);
      at += entry.size();
    }
    keep_whole(made, x, pages, begins, at);
  } else {
    made.pieces = before.file.pieces;
    if (!piece->empty()) made.pieces.push_back(std::move(piece));
  }
  put_files(site, std::move(x), out);
  return true;
}

}  // namespace firefly
