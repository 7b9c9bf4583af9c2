#include "render/body.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <numeric>
#include <optional>
#include <unordered_map>

#include "core/hash.h"
#include "core/parallel.h"
#include "core/text.h"
#include "core/text_break.h"
#include "model/paths.h"
#include "render/data_views.h"
#include "render/email_breaks.h"
#include "render/language_runs.h"

namespace firefly {

namespace {

/// The name cmark-gfm gives a footnote's link back to its reference, in English.
constexpr std::string_view kFootnoteBack = "aria-label=\"Back to content\"";

/// Where `needle` first occurs in `html` from `from` on (npos when it does not): memmem, not
/// std::string::find, which stops at every 'a' of every body to compare.
size_t find_footnote_text(const std::string& html, std::string_view needle, size_t from) {
  if (from > html.size()) return std::string::npos;
  const void* hit = memmem(html.data() + from, html.size() - from, needle.data(), needle.size());
  return hit ? static_cast<size_t>(static_cast<const char*>(hit) - html.data()) : std::string::npos;
}

/// The default-language URL a content page is written against (links are written so).
std::string authoring_url(const Site& site, const Page& page) {
  std::string prefix = site.lang_prefix(page.lang);
  return page.url.substr(prefix.size());
}

/// What a photo's <img> is written with until it becomes a <picture>.
constexpr std::string_view kPhotoMarker = "firefly-photo:";

/// Replaces each `<img src="firefly-photo:N" alt="..." />` cmark wrote with the picture of
/// photo N. One that names no photo shown (raw HTML of a site with `unsafe_html` may be
/// written so) is left as it is.
void write_pictures(std::string& html, const std::vector<const Photo*>& photos) {
  std::string marker = "<img src=\"" + std::string(kPhotoMarker);
  for (size_t at = html.find(marker); at != std::string::npos; at = html.find(marker, at)) {
    size_t end = html.find("/>", at);
    size_t n_at = at + marker.size();
    size_t alt = html.find(" alt=\"", at);
    if (end == std::string::npos || alt == std::string::npos || alt > end) break;
    size_t alt_end = html.find('"', alt + 6);
    size_t n = 0;
    const char* digits = html.data() + n_at;
    auto [stop, ec] = std::from_chars(digits, html.data() + html.size(), n);
    if (ec != std::errc() || stop == digits || *stop != '"' || n >= photos.size() ||
        alt_end > end) {
      at = n_at;
      continue;
    }
    std::string picture =
        picture_html(*photos[n], html.substr(alt + 6, alt_end - alt - 6), PhotoPlace::kBody);
    html.replace(at, end + 2 - at, picture);
    at += picture.size();
  }
}

/// The error of a link that points to nothing the build publishes, with the nearest of
/// `candidates` as a suggestion.
void report_broken_link(const std::string& source_path, Pos pos, const std::string& url,
                        const std::string& target, bool is_image,
                        const std::vector<std::string>& candidates, Diagnostics& diags) {
  std::string guess = did_you_mean(target, candidates);
  // The place the file would be published from, as for an image of the front matter.
  const std::string in_static = !target.empty() && target[0] == '/'
                                    ? "put the file at static" + percent_decode(target)
                                    : "put the file in static/";
  std::string help =
      guess.empty() ? (is_image ? in_static : "check the address") : "did you mean " + guess + "?";
  // images/a.jpg on /stories/a/ is /stories/a/images/a.jpg: the file is /images/a.jpg.
  const std::string path = url.substr(0, url.find_first_of("?#"));
  const std::string rooted = "/" + percent_decode(path);
  if (std::string twin = differs_only_in_case(candidates, target); !twin.empty()) {
    help = letter_case_hint(twin);
  } else if (!path.empty() && path[0] != '/' && path[0] != '.' &&
             std::find(candidates.begin(), candidates.end(), rooted) != candidates.end()) {
    help = "did you mean " + rooted +
           "? Start the path with /: without it, it is read from "
           "this page's address";
  }
  // static/images/a.jpg: the folder's files are published at the site's root.
  for (std::string_view folder : {"static/", "/static/", "./static/", "../static/"}) {
    if (!starts_with(path, folder)) continue;
    std::string published = "/" + percent_decode(path.substr(folder.size()));
    if (std::find(candidates.begin(), candidates.end(), published) != candidates.end()) {
      help = "did you mean " + published +
             "? The files in static/ are published at the site's root, without static/";
    }
  }
  // someone@example.org, www.example.org: an address without its scheme is read as a path.
  if (path.find(':') == std::string::npos) {
    size_t at = path.find('@');
    if (at != std::string::npos && at > 0 && path.find('/') == std::string::npos &&
        path.find('.', at) != std::string::npos) {
      help = "write an email address as mailto:" + path;
    } else if (starts_with(path, "www.")) {
      help = "write the whole address, starting with https://: https://" + url;
    }
  }
  // “https://example.org/”: a word processor's quotes around the address make it a path.
  for (std::string_view quote : {"\u201c", "\u201d", "\"", "'", "\u300c", "\u300e"}) {
    if (!starts_with(url, quote)) continue;
    std::string inner = url.substr(quote.size());
    for (std::string_view end : {"\u201d", "\u201c", "\"", "'", "\u300d", "\u300f"}) {
      if (ends_with(inner, end)) inner.resize(inner.size() - end.size());
    }
    help = "remove the quotes around the address: (" + inner + ")";
  }
  if (url.find('\\') != std::string::npos) {  // a path copied from Windows' file explorer
    std::string forward = url;
    std::replace(forward.begin(), forward.end(), '\\', '/');
    help = "write the path with forward slashes: " + forward;
  }
  diags.error(source_path, pos,
              std::string(is_image ? "the image " : "the link ") + url +
                  (url == target ? "" : " (" + target + ")") +
                  " points to nothing this site publishes",
              std::move(help));
}

/// The page written in the file a link names by its path from the linking file
/// (`tulips.md`, `../_index.md`, `/stories/tulips.en.md`), as the repository's web view
/// follows it; nullptr when the link names no page's file.
const Page* page_of_file_link(const Site& site, const std::string& source_path,
                              const std::string& path) {
  constexpr std::string_view kContent = "content/";
  if (!ends_with(path, ".md") || !starts_with(source_path, kContent)) return nullptr;
  std::string file = "content" + resolve_site_path(source_path.substr(kContent.size() - 1), path);
  for (const auto& p : site.pages) {
    if (p->source && !p->fallback && p->source->path == file) return p.get();
  }
  return nullptr;
}

}  // namespace

bool name_footnote_back_links(std::string& html, const Value& strings) {
  size_t at = find_footnote_text(html, kFootnoteBack, 0);
  if (at == std::string::npos) return false;
  const Value* words = strings.find("footnote_back");
  if (!words || !words->is_string() || words->as_string().empty()) return true;
  const std::string named = "aria-label=\"" + html_escape(words->as_string()) + "\"";
  for (; at != std::string::npos; at = find_footnote_text(html, kFootnoteBack, at + named.size())) {
    html.replace(at, kFootnoteBack.size(), named);
  }
  return true;
}

bool is_chart_file_path(const Site& site, std::string_view target) {
  constexpr std::string_view kData = "/data/", kCharts = "/charts/";
  if (!starts_with(target, kData)) return false;
  size_t slash = target.find('/', kData.size());
  if (slash == std::string_view::npos || target.substr(slash, kCharts.size()) != kCharts ||
      target.size() == slash + kCharts.size()) {
    return false;
  }
  std::string_view name = target.substr(kData.size(), slash - kData.size());
  for (const auto& d : site.datasets) {
    if (d.first == name) return true;
  }
  return false;
}

void check_chart_links(const std::vector<Body>& bodies, const std::set<std::string>& published,
                       Diagnostics& diags) {
  std::vector<std::string> candidates;
  for (const Body& body : bodies) {
    for (const ChartLink& l : body.chart_links) {
      if (published.count(l.target)) continue;
      if (candidates.empty()) candidates.assign(published.begin(), published.end());
      report_broken_link(l.path, l.pos, l.url, l.target, l.is_image, candidates, diags);
    }
  }
}

std::string resolve_link(const Site& site, const Page& page, const std::string& url, Pos pos,
                         bool is_image, Diagnostics& diags, std::vector<std::string>* looked_up) {
  bool inline_image = is_image && starts_with(ascii_lower(trim(url)), "data:image/");
  if (std::string why = inline_image ? "" : unsafe_link_reason(url); !why.empty()) {
    if (!page.fallback) {
      diags.error(
          page.source ? page.source->path : "", pos,
          std::string(is_image ? "the image " : "the link ") + url + " is not allowed: " + why);
    }
    return "";
  }
  if (url.empty() || url[0] == '#' || !url_scheme(url).empty() || starts_with(url, "//")) {
    return url;
  }
  std::string path = url, suffix;
  size_t cut = path.find_first_of("?#");
  if (cut != std::string::npos) {
    suffix = path.substr(cut);
    path.resize(cut);
  }
  std::string target = resolve_site_path(authoring_url(site, page), percent_decode(path));
  const std::string& source_path = page.source ? page.source->path : "";
  // The page at `address`, if any; the address noted as looked up.
  auto page_at = [&](std::string address) {
    auto found = site.by_url.find(address);
    if (looked_up) looked_up->push_back(std::move(address));
    return found;
  };
  // A page: rewrite to the reader's language when that language has it.
  auto it = page_at(target);
  if (it == site.by_url.end() && target.back() != '/' && target.find('.') == std::string::npos) {
    it = page_at(target + "/");
    if (it != site.by_url.end()) target += "/";
  }
  if (it != site.by_url.end()) {
    const Page* local = site.find(it->second->key, page.lang);
    return (local ? local->url : target) + suffix;
  }
  // A page published only in other languages (missing_translation: omit, a page without
  // one in the default language): the reader's language's, else the first language's that
  // has it, as a link to its file goes.
  for (const Language& l : site.config->languages) {
    const std::string prefix = site.lang_prefix(l.code);
    if (prefix.empty()) continue;
    auto other = page_at(prefix + target);
    if (other == site.by_url.end() && target.back() != '/') other = page_at(prefix + target + "/");
    if (other == site.by_url.end()) continue;
    const Page* local = site.find(other->second->key, page.lang);
    return (local ? local->url : other->second->url) + suffix;
  }
  if (site.files.count(target) || is_chart_file_path(site, target)) return target + suffix;
  if (const Page* linked = page_of_file_link(site, source_path, percent_decode(path))) {
    if (looked_up) looked_up->push_back(linked->url);
    const Page* local = site.find(linked->key, page.lang);
    return (local ? local->url : linked->url) + suffix;
  }
  // Left out for its own errors (reported): it would be published once they are fixed.
  if (site.withheld(target)) return url;
  if (!page.fallback) {
    std::vector<std::string> candidates;
    for (const auto& [u, p] : site.by_url) {
      if (p->lang == site.config->default_language().code) candidates.push_back(u);
    }
    for (const std::string& f : site.files) candidates.push_back(f);
    report_broken_link(source_path, pos, url, target, is_image, candidates, diags);
  }
  return url;
}

std::uint64_t link_targets_fingerprint(const Site& site) {
  Hasher h;
  h.add(site.config->default_language().code);
  for (const Language& l : site.config->languages) h.add(l.code);
  h.add(site.by_url.size());
  for (const auto& [url, page] : site.by_url) {
    // The file too: a link may name it (`b.md`), and a file renamed keeping its `url:` and
    // `translation_key` keeps the rest.
    h.add(url)
        .add(page->key)
        .add(page->lang)
        .add(page->source ? std::string_view(page->source->path) : std::string_view());
  }
  h.add(site.groups.size());
  for (const auto& [key, langs] : site.groups) {
    h.add(key).add(langs.size());
    for (const auto& [lang, page] : langs) h.add(lang).add(page->url);
  }
  h.add(site.files.size());
  for (const std::string& f : site.files) h.add(f);
  h.add(site.datasets.size());
  for (const auto& d : site.datasets) h.add(d.first);
  h.add(site.withheld_datasets.size());
  for (const std::string& d : site.withheld_datasets) h.add(d);
  h.add(site.withheld_files.size());
  for (const std::string& f : site.withheld_files) h.add(f);
  return h.get();
}

/// The most HTML the embeds of one page may make (a table of 1,000 rows is about 120 KB).
constexpr size_t kMaxEmbeddedBytes = size_t{32} << 20;

Body render_body(const Site& site, const Page& page, const DataViews& data, Diagnostics& diags,
                 PhotoSet* photos, BodyReads* reads, MarkdownDocument* parsed) {
  Body body;
  if (!page.source || page.kind == PageKind::kRedirect) return body;
  std::vector<const Photo*> shown;
  LinkResolver resolve = [&](const std::string& url, Pos pos, bool is_image) {
    // With reads, its problems are recorded, to be reported again when the body is reused.
    Diagnostics problems;
    std::vector<std::string> looked_up;
    std::string target = resolve_link(site, page, url, pos, is_image, reads ? problems : diags,
                                      reads ? &looked_up : nullptr);
    if (reads) {
      std::vector<Diagnostic> found = problems.sorted();
      reads->link_problems.insert(reads->link_problems.end(), found.begin(), found.end());
      diags.append(problems);
      reads->links.push_back({url, pos, is_image, target, std::move(looked_up)});
    }
    std::string_view path = std::string_view(target).substr(0, target.find_first_of("?#"));
    if (!page.fallback && !site.files.count(std::string(path)) && is_chart_file_path(site, path)) {
      body.chart_links.push_back({page.source->path, pos, url, std::string(path), is_image});
    }
    if (!photos || !is_image || !site.files.count(target) || !PhotoSet::is_photo_path(target)) {
      return target;
    }
    if (reads) reads->photos = true;
    Diagnostics local;
    const Photo* photo = photos->use(target, page.source->path, pos, local);
    if (!page.fallback) diags.append(local);
    if (!photo) return target;
    shown.push_back(photo);
    return std::string(kPhotoMarker) + std::to_string(shown.size() - 1);
  };
  // Problems other than links: recorded with `reads`, as they come again only with the
  // same source.
  Diagnostics others;
  Diagnostics& other_diags = reads ? others : diags;
  auto on_missing_alt = [&](Pos pos) {
    if (page.fallback) return;
    other_diags.error(page.source->path, pos, "this image has no alt text",
                      "write a short description between the brackets: ![a volunteer fixing a "
                      "roof](/images/roof.svg)");
  };
  std::optional<MarkdownDocument> own;
  if (!parsed)
    parsed = &own.emplace(page.source->body, site.config->unsafe_html, page.source->body_line);
  MarkdownResult md = parsed->render(resolve, on_missing_alt);
  if (name_footnote_back_links(md.html, data.strings(page.source->lang)) && reads) {
    reads->theme_words = true;
  }
  // <labor@example.gov.tw>: broken, on a narrow line, after its @ or before a dot.
  break_mailto_texts(md.html);
  // 臺南市勞工局 in an English story: marked as Chinese for screen readers (the charts and
  // tables it embeds are marked as they are made, in the reader's language).
  if (const Language* written = site.config->language(page.source->lang)) {
    md.html = mark_language_runs(std::move(md.html), written->html_lang,
                                 script_languages(site.config->languages));
  }
  if (!page.fallback) {
    // ```tabel, ```Chart: the block its author wrote is published as code, not as an embed.
    for (const MisspeltFence& fence : md.misspelt_fences) {
      other_diags.warning(page.source->path, fence.pos, misspelt_fence_message(fence),
                          misspelt_fence_hint(fence));
    }
    // <br>, <b>: shown as text, as the site keeps no HTML (a comment is left out).
    for (const ShownHtml& shown : md.shown_html) {
      other_diags.warning(page.source->path, shown.pos, shown_html_message(shown),
                          shown_html_hint(shown));
    }
    for (Pos at : md.empty_headings) {
      other_diags.warning(page.source->path, at,
                          "this heading has no words, so it is left out of the page",
                          "write the heading after the #s (## Results), or remove the line");
    }
    for (const VagueLink& link : md.vague_links) {
      other_diags.warning(page.source->path, link.pos, vague_link_message(link), vague_link_hint());
    }
  }
  // Each embed's HTML in place of its placeholder, the page put together once: found and
  // replaced one by one, each search ran through the tables already put in and each
  // replacement moved the rest of the page (500 tables of 1,000 rows: 11 s, 3,000 over
  // 300 s).
  std::vector<std::pair<size_t, size_t>> found;  // (offset in md.html, embed)
  {
    static const std::string_view kStart = "<!--firefly-embed:";
    std::vector<bool> seen(md.embeds.size());
    for (size_t at = md.html.find(kStart); at != std::string::npos;
         at = md.html.find(kStart, at + 1)) {
      size_t e = 0, digits = at + kStart.size();
      while (digits < md.html.size() && md.html[digits] >= '0' && md.html[digits] <= '9') {
        e = e * 10 + static_cast<size_t>(md.html[digits++] - '0');
      }
      if (e < md.embeds.size() && !seen[e] &&
          md.html.compare(at, embed_placeholder(e).size(), embed_placeholder(e)) == 0) {
        seen[e] = true;
        found.emplace_back(at, e);
      }
    }
  }
  std::vector<std::string> embedded(md.embeds.size());
  std::vector<bool> present(md.embeds.size());
  for (const auto& [at, e] : found) present[e] = true;
  size_t embedded_bytes = 0;
  for (size_t e = 0; e < md.embeds.size(); ++e) {
    if (!present[e] || embedded_bytes > kMaxEmbeddedBytes) continue;
    Diagnostics local;
    std::string& html = embedded[e];
    if (md.embeds[e].unclosed) {
      // The rest of the file is in the block: read as settings, it would be a YAML error
      // far from the cause, and the page's text would be lost from it.
      local.error(page.source->path, {md.embeds[e].line, 1},
                  "this ```" + md.embeds[e].kind +
                      " block is never closed, so the rest of the file is read as its settings",
                  "add a line ``` after its settings");
    } else {
      html = data.embed(md.embeds[e], page, local, &body.chart_files);
      embedded_bytes += html.size();
      if (embedded_bytes > kMaxEmbeddedBytes) {
        // 3,000 tables of 1,000 rows in an 81 KB page: 66 s and 3.1 GB, to fail at the
        // template's 256 MB limit with an error blaming the theme. One sum an embed.
        html.clear();
        local.error(page.source->path, {md.embeds[e].line, 1},
                    "the tables and charts of this page come to more than " +
                        std::to_string(kMaxEmbeddedBytes >> 20) + " MB of HTML with this one",
                    "show fewer rows (`limit:`, `where:`) or fewer tables: every row is in the "
                    "dataset's downloads, which its page links");
      }
    }
    if (!page.fallback) other_diags.append(local);
  }
  if (!found.empty()) {
    std::string joined;
    size_t from = 0, size = md.html.size();
    for (const auto& [at, e] : found) size += embedded[e].size();
    joined.reserve(size);
    for (const auto& [at, e] : found) {
      joined.append(md.html, from, at - from);
      joined += embedded[e];
      std::string().swap(embedded[e]);
      from = at + embed_placeholder(e).size();
    }
    joined.append(md.html, from, std::string::npos);
    md.html = std::move(joined);
  }
  if (reads) {
    reads->embeds = !md.embeds.empty();
    reads->other = others.sorted();
    diags.append(others);
  }
  if (!shown.empty()) write_pictures(md.html, shown);
  body.html = std::move(md.html);
  body.summary = !page.summary.empty() ? page.summary : std::move(md.summary);
  body.reading_minutes = reading_minutes(md.reading);
  return body;
}

std::vector<std::vector<size_t>> pages_by_source(const Site& site,
                                                 const std::vector<size_t>& pages) {
  std::vector<std::vector<size_t>> groups;
  std::unordered_map<const SourcePage*, size_t> group_of;
  for (size_t i : pages) {
    const Page& page = *site.pages[i];
    if (!page.source || page.kind == PageKind::kRedirect) continue;
    auto [it, added] = group_of.try_emplace(page.source, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(i);
  }
  return groups;
}

void render_source_group(const Site& site, const std::vector<size_t>& group,
                         const std::function<void(size_t, MarkdownDocument*)>& render) {
  const SourcePage& source = *site.pages[group.front()]->source;
  // Parsed by the translation checks with this site's unsafe_html, its Markdown freed:
  // taken (and freed once its pages have their bodies).
  if (std::shared_ptr<MarkdownDocument> ahead = std::move(source.body_ahead)) {
    source.body_ahead = nullptr;
    for (size_t i : group) render(i, ahead.get());
    return;
  }
  if (group.size() == 1) {
    render(group.front(), nullptr);
    return;
  }
  MarkdownDocument parsed(source.body, site.config->unsafe_html, source.body_line);
  for (size_t i : group) render(i, &parsed);
}

std::vector<Body> render_bodies(const Site& site, const DataViews& data, int jobs,
                                Diagnostics& diags, PhotoSet* photos, const SourceDone& done) {
  std::vector<Body> bodies(site.pages.size());
  std::vector<size_t> all(site.pages.size());
  std::iota(all.begin(), all.end(), 0);
  auto groups = pages_by_source(site, all);
  parallel_for(groups.size(), jobs, [&](size_t g) {
    render_source_group(site, groups[g], [&](size_t i, MarkdownDocument* parsed) {
      bodies[i] = render_body(site, *site.pages[i], data, diags, photos, nullptr, parsed);
    });
    if (done) done(*site.pages[groups[g].front()]->source);
  });
  return bodies;
}

}  // namespace firefly
