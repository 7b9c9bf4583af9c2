#include "render/search_index.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "core/locale.h"
#include "core/parallel.h"
#include "core/text.h"
#include "render/page_fields.h"
#include "render/search_excerpts.h"
#include "render/search_index_files.h"
#include "render/search_tokens.h"

namespace firefly {

namespace {

/// Distinct tokens a run makes room for, per document (render/search_postings.h).
constexpr size_t kTokensPerDoc = 128;
/// Pages whose texts the language's codes are fitted to (more did not make the texts of
/// 1,000 stories smaller).
constexpr size_t kTextCodeSamples = 32;

/// Content pages, datasets and indicators; not the lists (home, sections, terms, a plan's
/// scorecard), which repeat their pages' titles and summaries and would take the places
/// of the pages themselves in the first ten results.
bool indexed_kind(const Page& p) {
  if (p.draft || p.page_number != 1 || p.kind == PageKind::kRedirect) return false;
  return p.kind == PageKind::kPage || p.kind == PageKind::kDataset ||
         p.kind == PageKind::kIndicator;
}

const Dataset* find_dataset(const std::vector<Dataset>& datasets, const std::string& name) {
  for (const Dataset& d : datasets) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

/// The page whose title results show as a page's section: its section's, or the data
/// catalogue's; null for none.
const Page* section_page(const Site& site, const Page& p) {
  const Page* parent = nullptr;
  if (p.kind == PageKind::kDataset || p.kind == PageKind::kScorecard ||
      p.kind == PageKind::kIndicator) {
    parent = site.find("data", p.lang);
  }
  if (p.kind == PageKind::kPage && !p.section.empty()) {
    parent = site.find("section:" + p.section, p.lang);
  }
  return parent;
}

/// The html_lang of language `code` when it is not the reader's (`lang`), else "".
std::string other_html_lang(const SiteConfig& c, const std::string& code, const Language& lang) {
  if (code == lang.code) return "";
  const Language* other = c.language(code);
  return other ? other->html_lang : "";
}

/// The text of a page in `page` (started again: a run keeps one's room from page to page):
/// its title, then its blocks: summary, body (with its images' alt text), the front matter images'
/// alt text and captions, the story's own fields and people, terms' names; for datasets the
/// description and columns (not the publishing agency, the same on every dataset).
void page_blocks(const Site& site, const Page& p, const Body& body,
                 const std::vector<Dataset>& datasets, PageText& page) {
  const SiteConfig& c = *site.config;
  const std::string& def = c.default_language().code;
  page.start(p.title);
  auto add = [&](std::string_view text, bool heading = false) { page.add(text, heading); };
  add(p.summary);
  if (p.description != p.summary) add(p.description);
  html_text_blocks(body.html, page);
  for (const Image& img : p.images) {  // the front matter's images: what they show
    add(img.alt);
    add(img.caption);
  }
  if (p.source && p.kind == PageKind::kPage) {  // the story's own fields and people
    if (const Language* lang = c.language(p.lang)) {
      const Page* original = site.find(p.key, c.default_language().code);
      for (const ShownField& f : shown_fields(site, p, *lang, original)) {
        for (const FieldText& t : f.values) add(t.text);
      }
    }
    const Value& people = p.source->front.get("people");
    if (people.is_list()) {
      for (const Value& person : people.as_list()) {
        if (!person.is_map()) continue;
        add(person.get("name").to_text());
        add(person.get("union").to_text());
      }
    }
  }
  if (p.kind == PageKind::kDataset) {
    if (const Dataset* d = find_dataset(datasets, p.dataset)) {
      add(d->description.get(p.lang, def));
      for (const Column& col : d->columns) {
        add(col.title.get(p.lang, def), true);
        add(col.description.get(p.lang, def));
      }
    }
  }
  if ((p.kind == PageKind::kScorecard || p.kind == PageKind::kIndicator) && site.plans) {
    for (const IndicatorSet& plan : *site.plans) {
      if (plan.dataset != p.dataset) continue;
      for (const Indicator& ind : plan.indicators) {
        if (p.kind == PageKind::kIndicator && ind.id != p.indicator) continue;
        add(ind.name.get(p.lang, def), p.kind == PageKind::kScorecard);
        add(ind.goal.get(p.lang, def));
        add(ind.method.get(p.lang, def));
      }
    }
  }
  for (const auto& [name, values] : p.terms) {
    const Taxonomy* tax = c.taxonomy(name);
    if (!tax) continue;
    // The terms' names only: the taxonomy's own title ("Who it serves") is on every page
    // that has a term of it, and would match them all.
    std::string line;
    for (const std::string& v : values) {
      if (!line.empty()) line += ", ";
      line += tax->term_title(slugify(v), p.lang, def, v);
    }
    add(line);
  }
}

/// The pages of `lang` in the index, newest first (then by address): a year is a run of
/// ids, and a lower id is newer. Undated indicators come last: the search page ranks them
/// after every other page (they detail a plan's dataset, which is found by its own text).
void collect_docs(const Site& site, const std::vector<Body>& bodies,
                  const std::vector<Dataset>& datasets, LanguageIndex& index, int jobs) {
  const Language& lang = *index.lang;
  std::vector<SearchDoc>& docs = index.docs;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& p = *site.pages[i];
    if (p.lang != lang.code || !indexed_kind(p)) continue;
    SearchDoc d;
    d.page = i;
    d.late = p.kind == PageKind::kIndicator;
    if (const Page* s = section_page(site, p)) {
      d.section = s->title;
      d.section_lang = other_html_lang(*site.config, s->title_language(), lang);
    }
    d.text_lang = other_html_lang(*site.config, p.content_lang, lang);
    if (p.date) {
      d.iso = p.date->iso();
      d.date = format_date(*p.date, {lang.html_lang, lang.calendar});
    }
    docs.push_back(std::move(d));
  }
  std::sort(docs.begin(), docs.end(), [&](const SearchDoc& a, const SearchDoc& b) {
    if (a.iso != b.iso) return a.iso > b.iso;
    if (a.late != b.late) return b.late;  // undated, after the other undated pages
    return site.pages[a.page]->url < site.pages[b.page]->url;
  });
  // Tokens: each thread writes the postings of a run of documents; the runs are then
  // joined in document order, token by token. One run a thread: each run numbers the
  // tokens it meets, so more runs hold more copies of the same tokens.
  size_t runs = std::min(docs.size(), static_cast<size_t>(std::max(jobs, 1)));
  index.runs.resize(runs);
  index.texts.resize(docs.size());
  index.left = runs;
  // The texts' codes, fitted to pages spread over the language's (their texts made once
  // more here: a few percent of the pages), each the middle one of its share. The newest
  // page, the one most often edited while `serve` runs, is not among them once a language
  // has 64 pages: an edit of a page fitted to changes the codes, and so every text file.
  std::vector<std::string> samples;
  PageText page;
  size_t count = std::min(docs.size(), kTextCodeSamples);
  for (size_t k = 0; k < count; ++k) {
    const SearchDoc& d = docs[docs.size() * (2 * k + 1) / (2 * count)];
    const Page& p = *site.pages[d.page];
    page_blocks(site, p, bodies[d.page], datasets, page);
    samples.push_back(page.text());
  }
  index.text_code = std::make_unique<SearchTextCode>(
      std::vector<std::string_view>(samples.begin(), samples.end()));
}

/// Tokenizes run `r` of the index's documents and deflates their texts.
void tokenize_run(const Site& site, const std::vector<Body>& bodies,
                  const std::vector<Dataset>& datasets, LanguageIndex& index, size_t r) {
  std::vector<SearchDoc>& docs = index.docs;
  RunPostings& run = index.runs[r];
  size_t runs = index.runs.size();
  size_t first = docs.size() * r / runs, end = docs.size() * (r + 1) / runs;
  // Room for the distinct tokens of pages in CJK (at 10,000 stories about 90 new ones a
  // page); a run with more grows as before.
  run.reserve_tokens((end - first) * kTokensPerDoc);
  SearchTextDeflater deflater(*index.text_code);
  PageText page;  // one page's at a time
  for (size_t id = first; id < end; ++id) {
    const SearchDoc& d = docs[id];
    const Page& p = *site.pages[d.page];
    page_blocks(site, p, bodies[d.page], datasets, page);
    run.add_document(static_cast<uint32_t>(id), p.title, page);
    index.texts[id] = deflater.deflate(page.text());  // what excerpt_text makes of it
  }
}

/// The indexes of `langs` in order: language after language, each one's runs on up to
/// `jobs` threads; a language's files are written on a thread of their own (each file's
/// steps on up to `jobs` threads), and no run of the next language starts before they are
/// written: one language's postings are held at a time (overlapping the next language's
/// runs raised the build's peak memory by about 10%). With one job, all of it on the
/// calling thread, one language after the other.
void render_search_indexes(const Site& site, const std::vector<Body>& bodies,
                           const std::vector<Dataset>& datasets,
                           const std::vector<const Language*>& langs, const OutputSink& out,
                           int jobs, double* cpu_seconds) {
  double start_cpu = thread_cpu_seconds();
  std::atomic<double> others_cpu{0};  // the CPU of the other threads, in the index's work
  auto add_cpu = [&](double spent) {
    for (double seen = others_cpu.load(); !others_cpu.compare_exchange_weak(seen, seen + spent);) {
    }
  };
  std::vector<LanguageIndex> indexes(langs.size());
  struct Item {
    size_t lang, run;
  };
  std::vector<Item> items;
  for (size_t l = 0; l < langs.size(); ++l) {
    indexes[l].lang = langs[l];
    collect_docs(site, bodies, datasets, indexes[l], jobs);
    for (size_t r = 0; r < indexes[l].runs.size(); ++r) items.push_back({l, r});
  }
  if (jobs <= 1) {
    for (LanguageIndex& index : indexes) {
      for (size_t r = 0; r < index.runs.size(); ++r) {
        tokenize_run(site, bodies, datasets, index, r);
        index.runs[r].finish();
      }
      write_search_files(site, index, out, jobs);
      index = LanguageIndex();
    }
    if (cpu_seconds) *cpu_seconds += thread_cpu_seconds() - start_cpu;
    return;
  }
  std::mutex mu;  // guards `left`, `written` and `stopped`
  std::condition_variable changed;
  size_t written = 0;    // languages whose files are written
  bool stopped = false;  // a thread threw: the others wait no longer (and do no more)
  auto stop = [&] {
    std::lock_guard lock(mu);
    stopped = true;
    changed.notify_all();
  };
  BesideThread writer([&] {
    try {
      double cpu = thread_cpu_seconds();
      for (size_t l = 0; l < indexes.size(); ++l) {
        {
          std::unique_lock lock(mu);
          changed.wait(lock, [&] { return indexes[l].left == 0 || stopped; });
          if (stopped) return;
        }
        write_search_files(site, indexes[l], out, jobs);
        indexes[l] = LanguageIndex();
        std::lock_guard lock(mu);
        ++written;
        changed.notify_all();
      }
      add_cpu(thread_cpu_seconds() - cpu);
    } catch (...) {
      stop();
      throw;
    }
  });
  std::thread::id caller = std::this_thread::get_id();
  // One run placed at a time (placing holds a run's log and its placed postings at once):
  // a thread that finds another placing leaves its run to that one and goes on to its next.
  std::deque<Item> to_place;  // under `mu`
  bool placing = false;
  try {
    parallel_for(items.size(), jobs, [&](size_t i) {
      try {
        // Not a structured binding: the lambda below reads l (clang before 16 cannot capture one).
        const size_t l = items[i].lang, r = items[i].run;
        {
          std::unique_lock lock(mu);
          changed.wait(lock, [&] { return written >= l || stopped; });
          if (stopped) return;
        }
        double run_cpu = thread_cpu_seconds();
        tokenize_run(site, bodies, datasets, indexes[l], r);
        std::unique_lock lock(mu);
        to_place.push_back(items[i]);
        if (!placing) {
          placing = true;
          while (!to_place.empty() && !stopped) {
            Item next = to_place.front();
            to_place.pop_front();
            lock.unlock();
            indexes[next.lang].runs[next.run].finish();
            lock.lock();
            if (--indexes[next.lang].left == 0) changed.notify_all();
          }
          placing = false;
        }
        lock.unlock();
        if (std::this_thread::get_id() != caller) add_cpu(thread_cpu_seconds() - run_cpu);
      } catch (...) {
        stop();  // no thread waits for what this one was to do
        throw;
      }
    });
  } catch (...) {
    stop();  // the writer waits no longer; it is joined as this leaves
    throw;
  }
  writer.join();
  if (cpu_seconds) *cpu_seconds += thread_cpu_seconds() - start_cpu + others_cpu.load();
}

/// The files `out` got from position `from` on, sorted by path: the threads that make
/// them add them in no set order.
void sort_by_path(OutputSet& out, size_t from) {
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(from), out.end(),
            [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
}

}  // namespace

void render_search_index(const Site& site, const std::vector<Body>& bodies,
                         const std::vector<Dataset>& datasets, const Language& lang,
                         const OutputSink& out, int jobs, double* cpu_seconds) {
  render_search_indexes(site, bodies, datasets, {&lang}, out, jobs, cpu_seconds);
}

void render_search_index(const Site& site, const std::vector<Body>& bodies,
                         const std::vector<Dataset>& datasets, const OutputSink& out, int jobs,
                         double* cpu_seconds) {
  std::vector<const Language*> langs;
  for (const Language& lang : site.config->languages) langs.push_back(&lang);
  render_search_indexes(site, bodies, datasets, langs, out, jobs, cpu_seconds);
}

void render_search_index(const Site& site, const std::vector<Body>& bodies,
                         const std::vector<Dataset>& datasets, const Language& lang, OutputSet& out,
                         int jobs) {
  std::mutex mu;
  size_t before = out.size();
  render_search_index(
      site, bodies, datasets, lang,
      [&](OutputFile&& f) {
        std::lock_guard lock(mu);
        out.push_back(std::move(f));
      },
      jobs);
  sort_by_path(out, before);
}

void render_search_index(const Site& site, const std::vector<Body>& bodies,
                         const std::vector<Dataset>& datasets, OutputSet& out, int jobs) {
  std::mutex mu;
  size_t before = out.size();
  render_search_index(
      site, bodies, datasets,
      [&](OutputFile&& f) {
        std::lock_guard lock(mu);
        out.push_back(std::move(f));
      },
      jobs);
  sort_by_path(out, before);
}

}  // namespace firefly
