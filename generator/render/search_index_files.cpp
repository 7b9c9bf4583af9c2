// The files of one language's search index (format: render/search_shards.h).
#include "render/search_index_files.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "core/json.h"
#include "core/parallel.h"
#include "core/sha256.h"
#include "core/text.h"
#include "render/search_excerpts.h"
#include "render/search_index.h"
#include "render/search_shards.h"

namespace firefly {

namespace {

/// Shard size aimed at (bytes before compression).
constexpr size_t kShardTarget = 12 * 1024;
/// Documents per chunk on small sites: a chunk is fetched per result shown.
constexpr size_t kMinChunkDocs = 4;

std::string year_of(const std::string& iso) { return iso.substr(0, 4); }

}  // namespace

void write_search_files(const Site& site, LanguageIndex& index, const OutputSink& out, int jobs) {
  const Language& lang = *index.lang;
  const std::vector<SearchDoc>& docs = index.docs;
  std::vector<std::string>& texts = index.texts;
  std::vector<RunPostings>& run_postings = index.runs;
  JoinedPostings lines(run_postings);
  std::vector<std::string> sections, section_langs;
  std::string doc_sections;
  std::map<std::pair<std::string, std::string>, std::vector<uint32_t>> term_docs;
  // Each term's and its taxonomy's html_lang where its name is not in the reader's
  // language (not translated), else "".
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> term_langs;
  auto other_lang = [&](std::string_view code) {
    const Language* l = code == lang.code ? nullptr : site.config->language(std::string(code));
    return l ? l->html_lang : std::string();
  };
  for (uint32_t id = 0; id < docs.size(); ++id) {
    const SearchDoc& d = docs[id];
    const Page& p = *site.pages[d.page];
    auto s = std::find(sections.begin(), sections.end(), d.section);
    if (s == sections.end()) {
      s = sections.insert(sections.end(), d.section);
      section_langs.push_back(d.section_lang);
    }
    std::string code;
    append_vlq(code, static_cast<uint32_t>(s - sections.begin()));
    doc_sections += code.size() == 1 ? code : "A";  // more than 32 sections: no filter
    const SiteConfig& c = *site.config;
    for (const auto& [name, values] : p.terms) {
      const Taxonomy* tax = c.taxonomy(name);
      if (!tax) continue;
      for (const std::string& v : values) {
        const std::string& def = c.default_language().code;
        const std::string slug = slugify(v);
        std::string title = tax->term_title(slug, p.lang, def, v);
        std::pair<std::string, std::string> key{tax->title.get(p.lang, def), title};
        std::vector<uint32_t>& list = term_docs[key];
        if (list.empty()) {
          // The term's name in the language its term page gives it (a term without a name
          // in this language: in its name's, or as first written in the front matter).
          const Page* page = site.find("term:" + tax->name + "/" + slug, p.lang);
          term_langs[key] = {page ? other_lang(page->title_language()) : std::string(),
                             other_lang(tax->title.lang_of(p.lang, def))};
        }
        if (list.empty() || list.back() != id) list.push_back(id);
      }
    }
  }

  // Shards: tokens in byte order, cut into pieces of about kShardTarget bytes.
  // Whether a line has positions is read once (a cache miss a run: the runs' records are
  // in the order the tokens came, the lines in the order of their bytes).
  // The lines are read on up to `jobs` threads, a block of them at a time.
  std::vector<size_t> sizes(lines.size());
  std::vector<bool> positional;
  {
    constexpr size_t kBlock = 16384;
    std::vector<char> flags(lines.size());
    parallel_for((lines.size() + kBlock - 1) / kBlock, jobs, [&](size_t b) {
      for (size_t k = b * kBlock; k < std::min(lines.size(), (b + 1) * kBlock); ++k) {
        bool with_positions = false;
        sizes[k] = lines.line_bytes(k, &with_positions) + 2;
        flags[k] = with_positions;
      }
    });
    positional.assign(flags.begin(), flags.end());
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
  // The words in shards cut in byte order (a prefix reads neighbouring ones); the CJK
  // tokens larger than a shard in files of their own, which the manifest lists, and the
  // others in shards by hash, which it need not name.
  ShardPlan plan = plan_shards(
      sizes, positional, [&](size_t k) { return lines.token(k); }, kShardTarget,
      max_files - apart.size());
  const std::vector<std::vector<size_t>>& shard_lines = plan.files;
  std::string firsts = "[";
  for (size_t s = 0; s < plan.words.size(); ++s) {
    if (s) firsts += ',';
    append_json_string(firsts, s ? shard_separator(lines.token(shard_lines[s - 1].back()),
                                                   lines.token(plan.words[s]))
                                 : lines.token(plan.words[s]));
  }
  firsts += ']';
  std::string alone = "[";
  for (size_t k : plan.alone) {
    if (alone.size() > 1) alone += ',';
    append_json_string(alone, lines.token(k));
  }
  alone += ']';
  auto write_shard = [&](size_t s) {
    std::string text;
    size_t bytes = 0;
    for (size_t k : shard_lines[s]) bytes += sizes[k];
    text.reserve(bytes);
    for (size_t k : shard_lines[s]) {
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
  };

  // Chunks: what a result shows of its page, and where its title and text are.
  auto write_chunks = [&] {
    std::vector<std::string> text_files_bytes(text_files);
    {  // each made at its size once (up to 8 MiB: growing by doubling copies it all)
      std::vector<size_t> file_bytes(text_files);
      for (size_t c = 0; c < chunks; ++c) file_bytes[text_places[c].file] += chunk_text_bytes[c];
      for (size_t f = 0; f < text_files; ++f) text_files_bytes[f].reserve(file_bytes[f]);
    }
    for (size_t first = 0; first < docs.size(); first += per_chunk) {
      const ExcerptPlace& place = text_places[first / per_chunk];
      std::string json = "{\"x\":[" + std::to_string(place.file) + "," +
                         std::to_string(place.offset) + "],\"d\":[";
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
        json += ',' + std::to_string(texts[id].size());
        // A page shown untranslated: its title and text are in the language it is written
        // in, which the result marks for screen readers (its section and date are not).
        if (!d.text_lang.empty()) {
          json += ',';
          append_json_string(json, d.text_lang);
        }
        json += ']';
        text_files_bytes[place.file] += texts[id];
        texts[id] = {};
      }
      json += "]}";
      out(OutputFile{dir + "d/" + std::to_string(first / per_chunk) + ".json", std::move(json),
                     ""});
    }
    for (size_t f = 0; f < text_files; ++f) {
      out(OutputFile{dir + "x/" + std::to_string(f) + ".bin", std::move(text_files_bytes[f]), ""});
    }
  };
  // The chunks first, beside the first shards: on up to `jobs` threads.
  parallel_for(shard_lines.size() + 1, jobs, [&](size_t task) {
    if (task == 0) {
      write_chunks();
    } else {
      write_shard(task - 1);
    }
  });

  // The manifest.
  std::string m = "{\"version\":9,\"docs\":" + std::to_string(docs.size()) +
                  ",\"chunk\":" + std::to_string(per_chunk) + ",\"shards\":" + firsts +
                  ",\"alone\":" + alone + ",\"hashed\":" + std::to_string(plan.hashed) +
                  ",\"sections\":[";
  for (size_t s = 0; s < sections.size(); ++s) {
    if (s) m += ',';
    append_json_string(m, sections[s]);
  }
  m += ']';
  // The labels' languages, where one is not the reader's (a section not translated).
  if (std::any_of(section_langs.begin(), section_langs.end(),
                  [](const std::string& l) { return !l.empty(); })) {
    m += ",\"section_langs\":[";
    for (size_t s = 0; s < section_langs.size(); ++s) {
      if (s) m += ',';
      append_json_string(m, section_langs[s]);
    }
    m += ']';
  }
  m += ",\"doc_sections\":";
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
  m += "],\"terms\":" + std::to_string(term_docs.size());
  // The texts' header (their codes), put before each text's bytes to inflate it.
  m += ",\"xh\":\"" + base64(index.text_code->header()) + "\"";
  // The pages ranked after all others (their ids are the last ones), when there are any.
  size_t late = docs.size();
  while (late > 0 && docs[late - 1].late) --late;
  if (late < docs.size()) m += ",\"late\":" + std::to_string(late);
  // The pages shown untranslated (in the language they are written in), as runs of ids,
  // when there are any: another language's search page offers this one for a query only
  // for the pages written in it, not for the ones it shows in the default language.
  std::string fallback;
  for (size_t id = 0, end = 0; id < docs.size(); ++id) {
    if (docs[id].text_lang.empty()) continue;
    size_t run = id;
    while (run < docs.size() && !docs[run].text_lang.empty()) ++run;
    append_vlq(fallback, static_cast<uint32_t>(id - end));
    append_vlq(fallback, static_cast<uint32_t>(run - id));
    end = id = run;
  }
  if (!fallback.empty()) m += ",\"fallback\":\"" + fallback + "\"";
  m += "}";
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
    // The term's language and its taxonomy's, only where one is not the reader's.
    const auto& [term_lang, tax_lang] = term_langs[names];
    if (!term_lang.empty() || !tax_lang.empty()) {
      t += ',';
      append_json_string(t, term_lang);
    }
    if (!tax_lang.empty()) {
      t += ',';
      append_json_string(t, tax_lang);
    }
    t += ']';
  }
  t += ']';
  out(OutputFile{dir + "terms.json", std::move(t), ""});
}

}  // namespace firefly
