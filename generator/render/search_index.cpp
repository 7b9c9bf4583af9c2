#include "render/search_index.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "core/json.h"
#include "core/locale.h"
#include "core/parallel.h"
#include "core/text.h"
#include "render/search_excerpts.h"
#include "render/search_postings.h"
#include "render/search_shards.h"
#include "render/search_tokens.h"

namespace firefly {

namespace {

/// Shard size aimed at (bytes before compression).
constexpr size_t kShardTarget = 12 * 1024;
/// Distinct tokens a run makes room for, per document (render/search_postings.h).
constexpr size_t kTokensPerDoc = 128;
/// Documents per chunk on small sites: a chunk is fetched per result shown.
constexpr size_t kMinChunkDocs = 4;

/// One page in the index.
struct SearchDoc {
  size_t page = 0;
  std::string section;  ///< label of its section, data catalogue or ""
  std::string date;     ///< as shown, "" for undated pages
  std::string iso;      ///< for sorting, "" for undated pages
  std::vector<TextBlock> blocks;
};

bool indexed_kind(const Page& p) {
  if (p.draft || p.page_number != 1 || p.kind == PageKind::kRedirect) return false;
  return p.kind == PageKind::kPage || p.kind == PageKind::kDataset || p.kind == PageKind::kHome ||
         p.kind == PageKind::kSection || p.kind == PageKind::kScorecard ||
         p.kind == PageKind::kIndicator;
}

const Dataset* find_dataset(const std::vector<Dataset>& datasets, const std::string& name) {
  for (const Dataset& d : datasets) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

/// The label results show for a page: its section's title, or the data catalogue's.
std::string section_label(const Site& site, const Page& p) {
  const Page* parent = nullptr;
  if (p.kind == PageKind::kDataset || p.kind == PageKind::kScorecard ||
      p.kind == PageKind::kIndicator) {
    parent = site.find("data", p.lang);
  }
  if (p.kind == PageKind::kPage && !p.section.empty()) {
    parent = site.find("section:" + p.section, p.lang);
  }
  return parent ? parent->title : "";
}

/// The text blocks of a page: summary, body (with its images' alt text), the front
/// matter images' alt text and captions, terms; for datasets the description and columns.
std::vector<TextBlock> page_blocks(const Site& site, const Page& p, const Body& body,
                                   const std::vector<Dataset>& datasets) {
  const SiteConfig& c = *site.config;
  const std::string& def = c.default_language().code;
  std::vector<TextBlock> blocks;
  auto add = [&](std::string text, bool heading = false) {
    std::string_view t = trim(text);
    if (!t.empty()) blocks.push_back({std::string(t), heading});
  };
  add(p.summary);
  if (p.description != p.summary) add(p.description);
  for (TextBlock& b : html_text_blocks(body.html)) blocks.push_back(std::move(b));
  for (const Image& img : p.images) {  // the front matter's images: what they show
    add(img.alt);
    add(img.caption);
  }
  if (p.kind == PageKind::kDataset) {
    if (const Dataset* d = find_dataset(datasets, p.dataset)) {
      add(d->description.get(p.lang, def));
      for (const Column& col : d->columns) {
        add(col.title.get(p.lang, def), true);
        add(col.description.get(p.lang, def));
      }
      add(d->source.agency.get(p.lang, def));
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
    std::string line;
    for (const std::string& v : values) {
      if (!line.empty()) line += ", ";
      line += tax->term_title(slugify(v), p.lang, def, v);
    }
    add(tax->title.get(p.lang, def) + ": " + line);
  }
  return blocks;
}

std::string year_of(const std::string& iso) { return iso.substr(0, 4); }

}  // namespace

void render_search_index(const Site& site, const std::vector<Body>& bodies,
                         const std::vector<Dataset>& datasets, const Language& lang,
                         const OutputSink& out, int jobs, double* cpu_seconds) {
  // This thread's CPU from here to the end, and the other threads' in their runs.
  double start_cpu = thread_cpu_seconds();
  std::thread::id caller = std::this_thread::get_id();
  std::atomic<double> others_cpu{0};
  std::vector<size_t> indexed;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& p = *site.pages[i];
    if (p.lang == lang.code && indexed_kind(p)) indexed.push_back(i);
  }
  // A home or section page is indexed only for text of its own (a list repeats its
  // pages'); the blocks of other pages are made as they are tokenized, a run at a time.
  std::vector<SearchDoc> docs;
  for (size_t i : indexed) {
    const Page& p = *site.pages[i];
    SearchDoc d;
    d.page = i;
    if (p.kind == PageKind::kHome || p.kind == PageKind::kSection) {
      d.blocks = page_blocks(site, p, bodies[i], datasets);
      if (d.blocks.empty()) continue;
    }
    d.section = section_label(site, p);
    if (p.date) {
      d.iso = p.date->iso();
      d.date = format_date(*p.date, {lang.html_lang, lang.calendar});
    }
    docs.push_back(std::move(d));
  }
  // Newest first (then by address): a year is a run of ids, and a lower id is newer.
  std::sort(docs.begin(), docs.end(), [&](const SearchDoc& a, const SearchDoc& b) {
    if (a.iso != b.iso) return a.iso > b.iso;
    return site.pages[a.page]->url < site.pages[b.page]->url;
  });

  // Tokens: each thread writes the postings of a run of documents; the runs are then
  // joined in document order, token by token. One run a thread: each run numbers the
  // tokens it meets, so more runs hold more copies of the same tokens.
  size_t runs = std::min(docs.size(), static_cast<size_t>(std::max(jobs, 1)));
  std::vector<RunPostings> run_postings(runs);
  std::vector<std::string> texts(docs.size());  // each page's text, deflated
  std::mutex placing;
  parallel_for(runs, jobs, [&](size_t r) {
    double run_cpu = thread_cpu_seconds();
    size_t first = docs.size() * r / runs, end = docs.size() * (r + 1) / runs;
    // Room for the distinct tokens of pages in CJK (at 10,000 stories about 90 new ones a
    // page); a run with more grows as before.
    run_postings[r].reserve_tokens((end - first) * kTokensPerDoc);
    ExcerptDeflater deflater;
    for (size_t id = first; id < end; ++id) {
      SearchDoc& d = docs[id];
      if (d.blocks.empty())
        d.blocks = page_blocks(site, *site.pages[d.page], bodies[d.page], datasets);
      run_postings[r].add_document(static_cast<uint32_t>(id), site.pages[d.page]->title, d.blocks);
      texts[id] = deflater.deflate(excerpt_text(site.pages[d.page]->title, d.blocks));
      d.blocks = {};
    }
    {  // one run placed at a time: placing holds a run's log and its placed postings at once
      std::lock_guard lock(placing);
      run_postings[r].finish();
    }
    if (std::this_thread::get_id() != caller) {
      double spent = thread_cpu_seconds() - run_cpu;
      for (double seen = others_cpu.load();
           !others_cpu.compare_exchange_weak(seen, seen + spent);) {
      }
    }
  });
  JoinedPostings lines(run_postings);
  std::vector<std::string> sections;
  std::string doc_sections;
  std::map<std::pair<std::string, std::string>, std::vector<uint32_t>> term_docs;
  for (uint32_t id = 0; id < docs.size(); ++id) {
    const SearchDoc& d = docs[id];
    const Page& p = *site.pages[d.page];
    auto s = std::find(sections.begin(), sections.end(), d.section);
    if (s == sections.end()) s = sections.insert(sections.end(), d.section);
    std::string code;
    append_vlq(code, static_cast<uint32_t>(s - sections.begin()));
    doc_sections += code.size() == 1 ? code : "A";  // more than 32 sections: no filter
    const SiteConfig& c = *site.config;
    for (const auto& [name, values] : p.terms) {
      const Taxonomy* tax = c.taxonomy(name);
      if (!tax) continue;
      for (const std::string& v : values) {
        std::string title = tax->term_title(slugify(v), p.lang, c.default_language().code, v);
        std::vector<uint32_t>& list =
            term_docs[{tax->title.get(p.lang, c.default_language().code), title}];
        if (list.empty() || list.back() != id) list.push_back(id);
      }
    }
  }

  // Shards: tokens in byte order, cut into pieces of about kShardTarget bytes.
  // Whether a line has positions is read once (a cache miss a run: the runs' records are
  // in the order the tokens came, the lines in the order of their bytes).
  std::vector<size_t> sizes(lines.size());
  std::vector<bool> positional(lines.size());
  for (size_t k = 0; k < lines.size(); ++k) {
    positional[k] = lines.positional(k);
    sizes[k] = lines.token(k).size() + lines.postings_bytes(k, positional[k]) + 2;
  }
  size_t per_chunk =
      std::max(kMinChunkDocs, (docs.size() + kMaxSearchChunks - 1) / kMaxSearchChunks);
  size_t chunks = (docs.size() + per_chunk - 1) / per_chunk;
  // The pages' texts, a chunk's pages together, in files of at most kMaxExcerptFileBytes.
  std::vector<size_t> chunk_text_bytes(chunks);
  for (size_t id = 0; id < docs.size(); ++id) chunk_text_bytes[id / per_chunk] += texts[id].size();
  std::vector<ExcerptPlace> text_places =
      place_excerpt_chunks(chunk_text_bytes, kMaxExcerptFileBytes);
  size_t text_files = text_places.empty() ? 0 : text_places.back().file + 1;
  // The rest of the files: the manifest, terms.json and a margin of 8, shared by the
  // shards and the files of positions.
  size_t max_files = kMaxSearchFiles - chunks - text_files - 10;
  std::string dir = "search/" + lang.code + "/";
  // The positions of the largest tokens in files of their own, when the budget has room:
  // a query for one word then reads its page list only.
  std::vector<size_t> apart = lines_apart(sizes, positional, kShardTarget, max_files);
  std::unordered_map<size_t, std::string> replaced;  // line -> its postings, when apart
  for (size_t k = 0; k < apart.size(); ++k) {
    std::string line;
    lines.append_postings(apart[k], line);
    std::optional<PostingsApart> split = split_positions(line);
    if (!split) continue;  // cannot happen: the writer made it
    out(OutputFile{dir + "p/" + std::to_string(k) + ".txt", std::move(split->positions), ""});
    line = "#" + std::to_string(k) + "#" + split->pages;
    sizes[apart[k]] = lines.token(apart[k]).size() + line.size() + 2;
    replaced[apart[k]] = std::move(line);
  }
  std::vector<size_t> starts = split_shards(sizes, kShardTarget, max_files - apart.size());
  std::string firsts = "[";
  for (size_t s = 0; s < starts.size(); ++s) {
    size_t end = s + 1 < starts.size() ? starts[s + 1] : lines.size();
    std::string text;
    size_t bytes = 0;
    for (size_t k = starts[s]; k < end; ++k) bytes += sizes[k];
    text.reserve(bytes);
    for (size_t k = starts[s]; k < end; ++k) {
      text += lines.token(k);
      text += '\t';
      if (auto r = replaced.find(k); r != replaced.end()) {
        text += r->second;
      } else {
        lines.append_postings(k, positional[k], text);
      }
      text += '\n';
    }
    out(OutputFile{dir + "s/" + std::to_string(s) + ".txt", std::move(text), ""});
    if (s) firsts += ',';
    append_json_string(firsts,
                       s ? shard_separator(lines.token(starts[s] - 1), lines.token(starts[s]))
                         : lines.token(starts[s]));
  }
  firsts += ']';

  // Chunks: what a result shows of its page, and where its title and text are.
  std::vector<std::string> text_files_bytes(text_files);
  {  // each made at its size once (up to 8 MiB: growing by doubling copies it all)
    std::vector<size_t> file_bytes(text_files);
    for (size_t c = 0; c < chunks; ++c) file_bytes[text_places[c].file] += chunk_text_bytes[c];
    for (size_t f = 0; f < text_files; ++f) text_files_bytes[f].reserve(file_bytes[f]);
  }
  for (size_t first = 0; first < docs.size(); first += per_chunk) {
    const ExcerptPlace& place = text_places[first / per_chunk];
    std::string json =
        "{\"x\":[" + std::to_string(place.file) + "," + std::to_string(place.offset) + "],\"d\":[";
    size_t opened = json.size();
    for (size_t id = first; id < std::min(docs.size(), first + per_chunk); ++id) {
      const SearchDoc& d = docs[id];
      const Page& p = *site.pages[d.page];
      if (json.size() > opened) json += ',';
      json += '[';
      append_json_string(json, p.url);
      json += ',';
      append_json_string(json, d.section);
      json += ',';
      append_json_string(json, d.date);
      json += ',' + std::to_string(texts[id].size()) + ']';
      text_files_bytes[place.file] += texts[id];
      texts[id] = {};
    }
    json += "]}";
    out(OutputFile{dir + "d/" + std::to_string(first / per_chunk) + ".json", std::move(json), ""});
  }
  for (size_t f = 0; f < text_files; ++f) {
    out(OutputFile{dir + "x/" + std::to_string(f) + ".bin", std::move(text_files_bytes[f]), ""});
  }

  // The manifest.
  std::string m = "{\"version\":6,\"docs\":" + std::to_string(docs.size()) +
                  ",\"chunk\":" + std::to_string(per_chunk) + ",\"shards\":" + firsts +
                  ",\"sections\":[";
  for (size_t s = 0; s < sections.size(); ++s) {
    if (s) m += ',';
    append_json_string(m, sections[s]);
  }
  m += "],\"doc_sections\":";
  append_json_string(m, doc_sections);
  m += ",\"years\":[";
  for (size_t id = 0; id < docs.size();) {
    if (docs[id].iso.empty()) break;
    std::string year = year_of(docs[id].iso);
    size_t end = id;
    while (end < docs.size() && !docs[end].iso.empty() && year_of(docs[end].iso) == year) ++end;
    if (m.back() != '[') m += ',';
    m += "[" + year + "," + std::to_string(id) + "," + std::to_string(end) + "]";
    id = end;
  }
  m += "],\"terms\":" + std::to_string(term_docs.size()) + "}";
  out(OutputFile{dir + "index.json", std::move(m), ""});

  // The taxonomy terms' pages: fetched only when the term filter is asked for.
  std::string t = "[";
  bool first_term = true;
  for (const auto& [names, ids] : term_docs) {
    if (!first_term) t += ',';
    first_term = false;
    t += '[';
    append_json_string(t, names.first);
    t += ',';
    append_json_string(t, names.second);
    t += ',';
    std::string code;
    for (size_t k = 0; k < ids.size(); ++k) append_vlq(code, k == 0 ? ids[k] : ids[k] - ids[k - 1]);
    append_json_string(t, code);
    t += ']';
  }
  t += ']';
  out(OutputFile{dir + "terms.json", std::move(t), ""});
  if (cpu_seconds) *cpu_seconds += thread_cpu_seconds() - start_cpu + others_cpu.load();
}

void render_search_index(const Site& site, const std::vector<Body>& bodies,
                         const std::vector<Dataset>& datasets, const Language& lang, OutputSet& out,
                         int jobs) {
  render_search_index(
      site, bodies, datasets, lang, [&out](OutputFile&& f) { out.push_back(std::move(f)); }, jobs);
}

void render_search_index(const Site& site, const std::vector<Body>& bodies,
                         const std::vector<Dataset>& datasets, OutputSet& out, int jobs) {
  for (const Language& lang : site.config->languages) {
    render_search_index(site, bodies, datasets, lang, out, jobs);
  }
}

}  // namespace firefly
