#include "render/grains.h"

#include "core/hash.h"
#include "core/parallel.h"

namespace firefly {

namespace {

void add_date(Hasher& h, const std::optional<Date>& d) { h.add(d ? d->iso() : std::string("-")); }

/// What other pages show of `p`: title, address, summary, dates, images, kind, language.
std::uint64_t item_fingerprint(const Page& p, const Body& body) {
  Hasher h;
  h.add(static_cast<std::uint64_t>(p.kind)).add(p.key).add(p.lang).add(p.content_lang);
  h.add(p.title).add(p.url).add(p.section).add(p.fallback ? 1 : 0);
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
  if (p.source) h.add_value(p.source->front).add(p.source->path);
  return h.get();
}

}  // namespace

Grains fingerprint_grains(const Site& site, const Theme& theme, const std::vector<Body>& bodies,
                          const FileFingerprints& files, int jobs) {
  size_t n = site.pages.size();
  std::vector<std::uint64_t> items(n), selves(n);
  parallel_for(n, jobs, [&](size_t i) {
    const Page& p = *site.pages[i];
    items[i] = item_fingerprint(p, bodies[i]);
    selves[i] = self_fingerprint(p, bodies[i], items[i]);
  });
  Grains g;
  auto& fps = g.fps_;
  fps.reserve(3 * n + site.by_url.size());
  std::map<std::string, Hasher> all;  // language -> its pages
  for (size_t i = 0; i < n; ++i) {
    const Page& p = *site.pages[i];
    fps[grain::item(p.out_path)] = items[i];
    fps[grain::self(p.out_path)] = selves[i];
    all[p.lang].add(items[i]);
  }
  for (const auto& [lang, h] : all) fps[grain::all(lang)] = h.get();
  for (const auto& [key, langs] : site.groups) {
    for (const auto& [lang, p] : langs) fps[grain::find(key, lang)] = hash_bytes(p->out_path);
  }
  for (const auto& [url, p] : site.by_url) fps[grain::url(url)] = hash_bytes(p->key);
  for (const Language& lang : site.config->languages) {
    fps[grain::strings(lang.code)] = Hasher().add_value(theme.strings(lang.code)).get();
  }
  fps[grain::config()] = files.config;
  fps[grain::theme()] = files.theme;
  fps[grain::datasets()] = files.datasets;
  for (const auto& [name, print] : files.dataset) fps[grain::dataset(name)] = print;
  return g;
}

}  // namespace firefly
