#include "render/grains.h"

#include <algorithm>

#include "core/hash.h"
#include "core/parallel.h"
#include "render/context.h"

namespace firefly {

namespace {

void add_date(Hasher& h, const std::optional<Date>& d) { h.add(d ? d->iso() : std::string("-")); }

/// What other pages show of `p`: title, address, summary, dates, images, kind, language.
std::uint64_t item_fingerprint(const Page& p, const Body& body) {
  Hasher h;
  h.add(static_cast<std::uint64_t>(p.kind)).add(p.key).add(p.lang).add(p.content_lang);
  h.add(p.title).add(p.title_lang).add(p.url).add(p.section).add(p.fallback ? 1 : 0);
  h.add(body.summary).add(static_cast<std::uint64_t>(body.reading_minutes));
  add_date(h, p.date);
  add_date(h, p.updated);
  h.add(static_cast<std::uint64_t>(p.page_number)).add(p.taxonomy).add(p.term).add(p.dataset);
  h.add(static_cast<std::uint64_t>(p.list.size()));
  for (const Image& i : p.images) h.add(i.field).add(i.src).add(i.alt).add(i.caption);
  return h.get();
}

/// Everything the page's own output shows of it (other pages it shows are grains of
/// their own: only which pages it lists is part of this one).
std::uint64_t self_fingerprint(const Page& p, const Body& body, std::uint64_t item) {
  Hasher h;
  h.add(item)
      .add(p.out_path)
      .add(body.html.fingerprint())
      .add(p.summary)
      .add(p.description)
      .add(p.layout);
  add_date(h, p.publish_at);
  h.add(static_cast<std::uint64_t>(p.weight)).add(p.draft ? 1 : 0);
  for (const auto& [tax, values] : p.terms) {
    h.add(tax).add(static_cast<std::uint64_t>(values.size()));
    for (const std::string& v : values) h.add(v);
  }
  for (const auto& [field, key] : p.refs) h.add(field).add(key);
  for (const auto& [collection, pages] : p.referenced_by) {
    h.add(collection).add(static_cast<std::uint64_t>(pages.size()));
    for (const Page* q : pages) h.add(q->out_path);
  }
  h.add(static_cast<std::uint64_t>(p.list.size()));
  for (const Page* q : p.list) h.add(q->out_path);
  h.add(static_cast<std::uint64_t>(p.page_count)).add(p.base_url).add(p.redirect_to);
  for (const auto& [path, pos] : p.aliases) h.add(path);
  h.add(p.stale_original ? p.stale_original->out_path : std::string("-"));
  // Its file, front matter and all (load/content.h SourcePage::fingerprint).
  if (p.source) h.add(p.source->fingerprint).add(p.source->path);
  return h.get();
}

/// True when `p` (in a copy of the graph of `q`) shows what `q` showed: the same source,
/// stale original and body, and the same title (a dataset page made anew takes its
/// dataset's title as it is now); its other values are those of `q`.
bool same_as_before(const Page& p, const Body& body, const Page& q, const Body& before) {
  auto stale = [](const Page& page) {
    return page.stale_original ? std::string_view(page.stale_original->out_path) : "-";
  };
  return p.source == q.source && stale(p) == stale(q) &&
         (&p == &q || (p.title == q.title && p.title_lang == q.title_lang)) &&
         body.reading_minutes == before.reading_minutes && body.summary == before.summary &&
         body.html.fingerprint() == before.html.fingerprint();
}

}  // namespace

bool Grains::reset(std::uint64_t grain, std::uint64_t print) {
  auto it = std::lower_bound(fps_.begin(), fps_.end(), grain,
                             [](const Entry& e, std::uint64_t g) { return e.first < g; });
  if (it == fps_.end() || it->first != grain) return false;
  it->second = print;
  return true;
}

std::unordered_set<std::uint64_t> Grains::changed_grains(const Grains& now) const {
  std::unordered_set<std::uint64_t> out;
  auto a = fps_.begin(), b = now.fps_.begin();
  while (a != fps_.end() || b != now.fps_.end()) {
    if (b == now.fps_.end() || (a != fps_.end() && a->first < b->first)) {
      if (a->second != 0) out.insert(a->first);  // gone (a fingerprint 0 is no grain)
      ++a;
    } else if (a == fps_.end() || b->first < a->first) {
      out.insert(b->first);  // new
      ++b;
    } else {
      if (a->second != b->second) out.insert(a->first);
      ++a;
      ++b;
    }
  }
  return out;
}

namespace {

/// Sorts `fps` by grain and keeps one entry a grain: the one set last (entries of a grain
/// stay in their order, as std::stable_sort would keep them: a radix sort, a byte a
/// pass). An update that adds or removes pages sorts its 125,000 grains at 10,000 stories
/// in a few linear passes.
void sort_grain_table(std::vector<std::pair<std::uint64_t, std::uint64_t>>& fps) {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> other(fps.size());
  for (int shift = 0; shift < 64; shift += 8) {
    size_t counts[257] = {};
    for (const auto& e : fps) ++counts[((e.first >> shift) & 0xff) + 1];
    if (counts[((fps.empty() ? 0 : fps[0].first >> shift) & 0xff) + 1] == fps.size()) continue;
    for (int b = 0; b < 256; ++b) counts[b + 1] += counts[b];
    for (auto& e : fps) other[counts[(e.first >> shift) & 0xff]++] = e;
    fps.swap(other);
  }
  size_t kept = 0;
  for (size_t i = 0; i < fps.size(); ++i) {
    if (i + 1 < fps.size() && fps[i + 1].first == fps[i].first) continue;
    fps[kept++] = fps[i];
  }
  fps.resize(kept);
}

/// The table of `before` with the grains of `gone` taken out and those of `fresh` (sorted
/// by grain, one entry each) put in, in one pass: a fresh grain keeps its new fingerprint
/// where it was in `before` too.
std::vector<std::pair<std::uint64_t, std::uint64_t>> patched_grain_table(
    const std::vector<std::pair<std::uint64_t, std::uint64_t>>& before,
    std::vector<std::uint64_t> gone,
    const std::vector<std::pair<std::uint64_t, std::uint64_t>>& fresh) {
  std::sort(gone.begin(), gone.end());
  std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
  out.reserve(before.size() + fresh.size());
  auto f = fresh.begin();
  auto g = gone.begin();
  for (const auto& e : before) {
    for (; f != fresh.end() && f->first < e.first; ++f) out.push_back(*f);
    if (f != fresh.end() && f->first == e.first) {
      out.push_back(*f++);
      continue;
    }
    while (g != gone.end() && *g < e.first) ++g;
    if (g != gone.end() && *g == e.first) continue;
    out.push_back(e);
  }
  out.insert(out.end(), f, fresh.end());
  return out;
}

}  // namespace

Grains fingerprint_grains(const Site& site, const Theme& theme, const std::vector<Body>& bodies,
                          const FileFingerprints& files, int jobs, const GrainsBefore* before) {
  size_t n = site.pages.size();
  Grains g;
  std::vector<std::uint64_t>& items = g.items_;
  std::vector<std::uint64_t>& selves = g.selves_;
  std::vector<std::uint64_t>& item_ids = g.item_ids_;
  std::vector<std::uint64_t>& self_ids = g.self_ids_;
  std::vector<std::uint64_t>& shown = g.shown_;  // what its language's site map shows of it
  for (auto* v : {&items, &selves, &item_ids, &self_ids, &shown}) v->resize(n);
  if (before) {
    size_t m = before->site.pages.size();
    if (before->grains.items_.size() != m || before->bodies.size() != m ||
        (before->index ? before->index->size() != n : m != n)) {
      before = nullptr;
    }
  }
  std::vector<char> fresh(n, 1);  // not taken from `before`
  parallel_for(n, jobs, [&](size_t i) {
    const Page& p = *site.pages[i];
    size_t j = !before ? kNoPageBefore : before->index ? (*before->index)[i] : i;
    const Page* q = j != kNoPageBefore ? before->site.pages[j].get() : nullptr;
    if (q && (!before->shared_only || &p == q) &&
        same_as_before(p, bodies[i], *q, before->bodies[j])) {
      const Grains& was = before->grains;
      items[i] = was.items_[j];
      selves[i] = was.selves_[j];
      item_ids[i] = was.item_ids_[j];
      self_ids[i] = was.self_ids_[j];
      shown[i] = was.shown_[j];
      fresh[i] = 0;
      return;
    }
    if (shown_in_sitemap(p)) {  // never 0, which says "not shown"
      shown[i] = Hasher()
                     .add(static_cast<std::uint64_t>(p.kind))
                     .add(p.section)
                     .add(p.title)
                     .add(p.url)
                     .add(p.fallback ? 1 : 0)
                     .add(p.content_lang)
                     .add(p.title_lang)
                     .get() |
                 1;
    }
    item_ids[i] = grain::item(p.out_path);
    self_ids[i] = grain::self(p.out_path);
    items[i] = item_fingerprint(p, bodies[i]);
    selves[i] = self_fingerprint(p, bodies[i], items[i]);
  });
  std::map<std::string, Hasher> all;       // language -> its pages
  std::map<std::string, Hasher> sitemaps;  // language -> what its site map shows
  // Each page's part hashed above, in parallel; here only their order (a page's language
  // looked up again only when it is not that of the page before).
  const std::string* lang = nullptr;
  Hasher* in_all = nullptr;
  Hasher* in_sitemap = nullptr;
  for (size_t i = 0; i < n; ++i) {
    const Page& p = *site.pages[i];
    if (!lang || *lang != p.lang) {
      lang = &p.lang;
      in_all = &all[p.lang];
      in_sitemap = nullptr;
    }
    in_all->add(items[i]);
    if (!shown[i]) continue;
    if (!in_sitemap) in_sitemap = &sitemaps[p.lang];
    in_sitemap->add(shown[i]);
  }
  // The grains of the whole site and of each language, given to `put(grain, print)`.
  auto site_wide = [&](auto& put) {
    for (const auto& [lang, h] : all) put(grain::all(lang), h.get());
    for (const Language& lang : site.config->languages) {
      auto it = sitemaps.find(lang.code);
      put(grain::sitemap(lang.code), it == sitemaps.end() ? 1 : it->second.get());
    }
    for (const Language& lang : site.config->languages) {
      const Value& strings = theme.strings(lang.code);
      put(grain::strings(lang.code), Hasher().add_value(strings).get());
      for (const auto& [key, value] : strings.as_map()) {
        put(grain::string(lang.code, key), Hasher().add_value(value).get() | 1);
      }
    }
    put(grain::config(), files.config);
    put(grain::theme(), files.templates);
    put(grain::datasets(), files.datasets);
    for (const auto& [name, print] : files.dataset) put(grain::dataset(name), print);
    put(grain::catalogue(), files.catalogue);
  };
  // The table of `before`, with the fingerprints that may have changed set again: the
  // same grains, unless a dataset came or went.
  if (before && before->site.pages.size() == n &&
      before->files.dataset.size() == files.dataset.size()) {
    g.fps_ = before->grains.fps_;
    bool same_grains = true;
    auto reset = [&](std::uint64_t grain, std::uint64_t print) {
      same_grains = g.reset(grain, print) && same_grains;
    };
    for (size_t i = 0; i < n; ++i) {
      if (!fresh[i]) continue;
      reset(item_ids[i], items[i]);
      reset(self_ids[i], selves[i]);
    }
    size_t wide = 0;
    auto reset_wide = [&](std::uint64_t grain, std::uint64_t print) {
      ++wide;
      reset(grain, print);
    };
    site_wide(reset_wide);
    g.site_wide_ = wide;
    if (same_grains && wide == before->grains.site_wide_) return g;
    g.fps_.clear();
  }
  // A patched graph with pages come or gone: the table of `before` without the grains of
  // its pages that are not shared and with those of the pages made anew (a page is in
  // `groups` and `by_url` at its own key, language and URL only, and a shared page keeps
  // them), instead of every page's grains again.
  if (before && before->shared_only && before->index && before->grains.fps_.size() > 0 &&
      before->files.dataset.size() == files.dataset.size()) {
    size_t m = before->site.pages.size();
    std::vector<char> kept_page(m, 0);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> made;
    for (size_t i = 0; i < n; ++i) {
      if (fresh[i]) {
        const Page& p = *site.pages[i];
        made.emplace_back(item_ids[i], items[i]);
        made.emplace_back(self_ids[i], selves[i]);
        made.emplace_back(grain::find(p.key, p.lang), hash_bytes(p.out_path));
        made.emplace_back(grain::url(p.url), hash_bytes(p.key));
      } else {
        kept_page[(*before->index)[i]] = 1;
      }
    }
    std::vector<std::uint64_t> gone;
    for (size_t j = 0; j < m; ++j) {
      if (kept_page[j]) continue;
      const Page& q = *before->site.pages[j];
      gone.insert(gone.end(), {before->grains.item_ids_[j], before->grains.self_ids_[j],
                               grain::find(q.key, q.lang), grain::url(q.url)});
    }
    sort_grain_table(made);  // a grain set twice keeps the fingerprint set last
    g.fps_ = patched_grain_table(before->grains.fps_, std::move(gone), made);
    bool same_grains = true;
    size_t wide = 0;
    auto reset = [&](std::uint64_t grain, std::uint64_t print) {
      ++wide;
      same_grains = g.reset(grain, print) && same_grains;
    };
    site_wide(reset);
    g.site_wide_ = wide;
    // Four grains a page (its item, its self, its key and its address) when each is where
    // this takes it to be; else the table is made anew.
    if (same_grains && wide == before->grains.site_wide_ &&
        g.fps_.size() + 4 * m == before->grains.fps_.size() + 4 * n) {
      g.patched_ = true;
      return g;
    }
    g.fps_.clear();
  }
  auto& fps = g.fps_;
  fps.reserve(3 * n + site.by_url.size() + site.groups.size() * site.config->languages.size() +
              files.dataset.size() + 16);
  auto set = [&](std::uint64_t grain, std::uint64_t print) { fps.emplace_back(grain, print); };
  for (size_t i = 0; i < n; ++i) {
    set(item_ids[i], items[i]);
    set(self_ids[i], selves[i]);
  }
  for (const auto& [key, langs] : site.groups) {
    for (const auto& [lang, p] : langs) set(grain::find(key, lang), hash_bytes(p->out_path));
  }
  for (const auto& [url, p] : site.by_url) set(grain::url(url), hash_bytes(p->key));
  size_t wide = 0;
  auto set_wide = [&](std::uint64_t grain, std::uint64_t print) {
    ++wide;
    set(grain, print);
  };
  site_wide(set_wide);
  g.site_wide_ = wide;
  sort_grain_table(fps);  // a grain set twice keeps the fingerprint set last
  return g;
}

}  // namespace firefly
