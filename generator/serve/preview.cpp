#include "serve/preview.h"

#include <unistd.h>

#include <algorithm>
#include <thread>

#include "core/fs.h"
#include "core/parallel.h"
#include "serve/overlay.h"
#include "serve/packed_bytes.h"
#include "serve/paths.h"

namespace firefly {

namespace {

/// True when a path that matched no file looks like a page (no extension, or .html).
bool looks_like_page(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.rfind('.');
  return dot == std::string_view::npos || name.substr(dot) == ".html";
}

/// Files smaller than this are kept as they are: deflating them saves little.
constexpr size_t kSmallestPacked = 512;
/// A static HTML file larger than this is sent as it is, without the reload script.
constexpr std::uint64_t kMaxHtmlRead = 32 << 20;

/// The text of `dictionary`, or none.
std::string_view text_of(const std::shared_ptr<const std::string>& dictionary) {
  return dictionary ? std::string_view(*dictionary) : std::string_view();
}

/// The output file a normalised request path names ("en/" -> "en/index.html").
std::string file_of_path(std::string path) {
  if (path.empty() || path.back() == '/') path += "index.html";
  return path;
}

/// The output file a request target asks for ("/en/" -> "en/index.html"), or nullopt.
std::optional<std::string> requested_file(std::string_view target) {
  std::optional<std::string> path = normalise_request_path(target);
  if (!path) return std::nullopt;
  return file_of_path(std::move(*path));
}

/// Pages an update renders first at most: a few tabs' worth.
constexpr size_t kMostPagesOpen = 32;

PreviewReply text_reply(int status, std::string body) {
  return {status, "text/plain; charset=utf-8", std::move(body), ""};
}

}  // namespace

void PreviewSite::publish(std::shared_ptr<const Snapshot> snapshot) {
  {
    std::lock_guard lock(mu_);
    site_ = std::move(snapshot);
    errors_.reset();
    ++generation_;
  }
  changed_.notify_all();
}

std::shared_ptr<const std::string> PreviewSite::dictionary_for(const OutputFile& f) {
  std::lock_guard lock(dictionaries_mu_);
  return dictionaries_.choose(f.path, f.bytes);
}

void PreviewSite::pack_file(ShownFile& s) {
  if (s.size < kSmallestPacked || s.packed) return;
  std::shared_ptr<const std::string> dictionary = dictionary_for(s.file);
  std::string packed = pack_bytes(s.file.bytes, text_of(dictionary));
  if (packed.empty()) return;
  s.file.bytes = std::move(packed);
  s.packed = true;
  s.dictionary = std::move(dictionary);
}

std::shared_ptr<PreviewSite::ShownFile> PreviewSite::shown_file(OutputFile file, bool pack) {
  auto s = std::make_shared<ShownFile>();
  s->file = std::move(file);
  s->size = s->file.bytes.size();
  if (pack) pack_file(*s);
  return s;
}

std::vector<std::shared_ptr<PreviewSite::ShownFile>> PreviewSite::shown_files(OutputSet files,
                                                                              bool pack) {
  std::vector<std::shared_ptr<ShownFile>> shown(files.size());
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  parallel_for(files.size(), jobs,
               [&](size_t i) { shown[i] = shown_file(std::move(files[i]), pack); });
  return shown;
}

void PreviewSite::pack_shown(const std::vector<std::string>& paths) {
  std::shared_ptr<const Snapshot> current;
  {
    std::lock_guard lock(mu_);
    current = site_;
  }
  // Copies of the files to deflate; the files shown stay untouched (a request may be
  // reading them), and the packed copies replace them in a new snapshot.
  std::vector<const ShownFile*> found;
  for (const std::string& path : paths) {
    const ShownFile* f = current->find(path);
    if (f && !f->packed && f->file.source.empty() && f->size >= kSmallestPacked) {
      found.push_back(f);
    }
  }
  if (found.empty()) return;
  std::vector<std::shared_ptr<ShownFile>> packed(found.size());
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  parallel_for(found.size(), jobs, [&](size_t i) {
    const ShownFile& f = *found[i];
    std::shared_ptr<const std::string> dictionary = dictionary_for(f.file);
    std::string bytes = pack_bytes(f.file.bytes, text_of(dictionary));
    if (bytes.empty()) return;
    auto s = std::make_shared<ShownFile>();
    s->file.path = f.file.path;  // a generated file: its bytes are all it has besides
    s->file.origin = f.file.origin;
    s->file.bytes = std::move(bytes);
    s->size = f.size;
    s->packed = true;
    s->dictionary = std::move(dictionary);
    packed[i] = std::move(s);
  });
  auto snapshot = std::make_shared<Snapshot>(*current);
  for (auto& s : packed) {
    if (s) snapshot->changes[s->file.path] = std::move(s);  // over the base's, if it is there
  }
  std::lock_guard lock(mu_);
  site_ = std::move(snapshot);
}

const PreviewSite::ShownFile* PreviewSite::Snapshot::find(const std::string& path) const {
  if (auto it = changes.find(path); it != changes.end()) return it->second.get();
  auto it = base->find(path);
  return it == base->end() ? nullptr : it->second.get();
}

void PreviewSite::show_site(OutputSet output) {
  begin_staging();
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  parallel_for(output.size(), jobs, [&](size_t i) { stage_file(std::move(output[i])); });
  show_staged();
}

void PreviewSite::begin_staging() {
  {
    std::lock_guard lock(dictionaries_mu_);
    dictionaries_ = PackDictionaries();  // a new build may have a new frame
  }
  std::lock_guard lock(stage_mu_);
  staged_ = std::make_shared<Files>();
}

void PreviewSite::stage_file(OutputFile file) {
  std::shared_ptr<ShownFile> s = shown_file(std::move(file), /*pack=*/true);
  std::string path = s->file.path;
  std::lock_guard lock(stage_mu_);
  if (staged_) (*staged_)[std::move(path)] = std::move(s);
}

void PreviewSite::show_staged() {
  std::lock_guard updating(update_mu_);
  auto snapshot = std::make_shared<Snapshot>();
  {
    std::lock_guard lock(stage_mu_);
    if (!staged_) return;
    snapshot->base = std::move(staged_);
  }
  publish(std::move(snapshot));
}

void PreviewSite::drop_staged() {
  std::lock_guard lock(stage_mu_);
  staged_.reset();
}

std::shared_ptr<PreviewSite::Snapshot> PreviewSite::changed_copy(
    std::vector<std::shared_ptr<ShownFile>> files, const std::vector<std::string>& removed) {
  std::shared_ptr<const Snapshot> current;
  {
    std::lock_guard lock(mu_);
    current = site_;
  }
  auto snapshot = std::make_shared<Snapshot>(*current);  // the base shared, not copied
  for (const std::string& path : removed) {
    if (snapshot->base->count(path)) {
      snapshot->changes[path] = nullptr;
    } else {
      snapshot->changes.erase(path);
    }
  }
  for (auto& f : files) {
    std::string path = f->file.path;
    snapshot->changes[std::move(path)] = std::move(f);
  }
  // The changes folded into a new base once they are more than an eighth of it (and more
  // than 256 files): a file's entry is copied once per many updates, not once per update.
  if (snapshot->changes.size() > std::max<size_t>(256, snapshot->base->size() / 8)) {
    auto base = std::make_shared<Files>(*snapshot->base);
    for (auto& [path, file] : snapshot->changes) {
      if (file) {
        (*base)[path] = std::move(file);
      } else {
        base->erase(path);
      }
    }
    snapshot->base = std::move(base);
    snapshot->changes.clear();
  }
  return snapshot;
}

void PreviewSite::update_site(OutputSet files, const std::vector<std::string>& removed) {
  std::lock_guard updating(update_mu_);
  std::vector<std::string> paths;
  paths.reserve(files.size());
  for (const OutputFile& f : files) paths.push_back(f.path);
  publish(changed_copy(shown_files(std::move(files), /*pack=*/false), removed));
  pack_shown(paths);  // the open pages already load the new files
}

PreviewSite::PackedFiles PreviewSite::pack_files(OutputSet files) {
  PackedFiles packed;
  packed.files_ = shown_files(std::move(files), /*pack=*/true);
  return packed;
}

void PreviewSite::update_files_quietly(OutputSet files, const std::vector<std::string>& removed) {
  update_files_quietly(pack_files(std::move(files)), removed);
}

void PreviewSite::update_files_quietly(PackedFiles files, const std::vector<std::string>& removed) {
  std::lock_guard updating(update_mu_);
  std::shared_ptr<const Snapshot> snapshot = changed_copy(std::move(files.files_), removed);
  std::lock_guard lock(mu_);
  site_ = std::move(snapshot);
}

void PreviewSite::hold(std::vector<std::string> paths) {
  std::lock_guard lock(mu_);
  held_ = std::set<std::string, std::less<>>(paths.begin(), paths.end());
}

void PreviewSite::update_held(OutputSet files) {
  std::lock_guard updating(update_mu_);
  std::vector<std::string> paths;
  paths.reserve(files.size());
  for (const OutputFile& f : files) paths.push_back(f.path);
  // Shown as they are, so that the requests waiting go on at once; deflated after.
  std::shared_ptr<const Snapshot> snapshot =
      changed_copy(shown_files(std::move(files), /*pack=*/false), {});
  {
    std::lock_guard lock(mu_);
    site_ = std::move(snapshot);
    held_.clear();
  }
  released_.notify_all();
  pack_shown(paths);
}

void PreviewSite::hold_index(std::vector<std::string> paths) {
  std::unordered_set<std::string> held(std::make_move_iterator(paths.begin()),
                                       std::make_move_iterator(paths.end()));
  std::lock_guard lock(mu_);
  index_held_ = std::move(held);
}

void PreviewSite::release_index() {
  std::unordered_set<std::string> released;  // freed outside the lock
  {
    std::lock_guard lock(mu_);
    released.swap(index_held_);
  }
  released_.notify_all();
}

void PreviewSite::show_errors(std::string errors, std::string lang) {
  auto shown = std::make_shared<const std::string>(std::move(errors));
  {
    std::lock_guard lock(mu_);
    errors_ = std::move(shown);
    errors_lang_ = std::move(lang);
    ++generation_;
  }
  changed_.notify_all();
}

void PreviewSite::page_opened(std::string_view target) {
  std::optional<std::string> key = requested_file(target);
  if (!key) return;
  std::lock_guard lock(mu_);
  if (open_.size() < kMostPagesOpen || open_.count(*key)) ++open_[*key];
}

void PreviewSite::page_closed(std::string_view target) {
  std::optional<std::string> key = requested_file(target);
  if (!key) return;
  std::lock_guard lock(mu_);
  auto it = open_.find(*key);
  if (it != open_.end() && --it->second <= 0) open_.erase(it);
}

std::vector<std::string> PreviewSite::pages_open() const {
  std::lock_guard lock(mu_);
  std::vector<std::string> paths;
  paths.reserve(open_.size() + 1);
  for (const auto& [path, streams] : open_) paths.push_back(path);
  if (!last_page_.empty() && !open_.count(last_page_)) {
    paths.insert(std::lower_bound(paths.begin(), paths.end(), last_page_), last_page_);
  }
  return paths;
}

PreviewReply PreviewSite::get(std::string_view target) const {
  std::optional<std::string> path = normalise_request_path(target);
  if (!path) return text_reply(400, "400 bad request: this path is not allowed\n");
  std::string key = file_of_path(*path);
  std::shared_ptr<const Snapshot> site;
  std::shared_ptr<const std::string> errors;
  std::string lang;
  std::uint64_t generation;
  {
    std::unique_lock lock(mu_);
    if (looks_like_page(key)) last_page_ = key;
    // A file still being made is answered once it is (update_held, release_index).
    released_.wait(lock,
                   [&] { return stopped_ || (!held_.count(key) && !index_held_.count(key)); });
    site = site_;
    errors = errors_;
    lang = errors_lang_;
    generation = generation_;
  }
  auto find = [&](const std::string& p) -> const ShownFile* { return site->find(p); };
  auto body_of = [this](const ShownFile& f) -> std::optional<std::string> {
    if (!f.file.source.empty()) return read_file_within(f.file.source, site_dir_);
    return f.packed ? unpack_bytes(f.file.bytes, f.size, text_of(f.dictionary)) : f.file.bytes;
  };
  auto page = [&](int status, std::string_view html) {
    return PreviewReply{status, "text/html; charset=utf-8", inject_reload_script(html, generation),
                        ""};
  };

  const ShownFile* file = find(key);
  // A file copied from the site (static/) is sent from disk: a page of HTML only up to a
  // size (its bytes get the reload script), anything else whatever its size.
  if (file && !file->file.source.empty() && !(errors && is_html_type(content_type_for(key)))) {
    std::uint64_t size = 0;
    int fd = open_file_within(file->file.source, site_dir_, size);
    if (fd >= 0 && (size > kMaxHtmlRead || !is_html_type(content_type_for(key)))) {
      auto open = std::make_shared<const OpenSiteFile>(fd, size);
      return {200, content_type_for(key), "", "", std::move(open)};
    }
    if (fd >= 0) ::close(fd);
  }
  if (!file && !path->empty() && path->back() != '/' && find(key + "/index.html")) {
    return {301, "text/plain; charset=utf-8", "moved\n", "/" + key + "/"};
  }
  if (file) {
    std::string type = content_type_for(key);
    // The CMS at /admin/ is served as built: a rebuild after its own save must not reload
    // the editor, and staff can still fix a page with errors in it.
    bool html = is_html_type(type) && key != "admin/index.html";
    if (html && errors) {
      return {500, "text/html; charset=utf-8", error_overlay_page(*errors, generation, lang), ""};
    }
    std::optional<std::string> body = body_of(*file);
    if (!body)
      return text_reply(
          404, "404 not found: the file was removed, or is no longer a file inside the site\n");
    if (html) return page(200, *body);
    return {200, std::move(type), std::move(*body), ""};
  }
  if (errors && looks_like_page(key)) {
    return {500, "text/html; charset=utf-8", error_overlay_page(*errors, generation, lang), ""};
  }
  if (const ShownFile* not_found = find("404.html")) {
    if (std::optional<std::string> body = body_of(*not_found)) return page(404, *body);
  }
  return text_reply(404, "404 not found\n");
}

OpenSiteFile::~OpenSiteFile() { ::close(fd); }

std::uint64_t PreviewSite::generation() const {
  std::lock_guard lock(mu_);
  return generation_;
}

std::uint64_t PreviewSite::wait_for_change(std::uint64_t since,
                                           std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mu_);
  changed_.wait_for(lock, timeout, [&] { return stopped_ || generation_ > since; });
  return generation_;
}

void PreviewSite::stop() {
  {
    std::lock_guard lock(mu_);
    stopped_ = true;
  }
  changed_.notify_all();
  released_.notify_all();
}

bool PreviewSite::packed(const std::string& path) const {
  std::lock_guard lock(mu_);
  const ShownFile* f = site_->find(path);
  return f && f->packed;
}

bool PreviewSite::stopped() const {
  std::lock_guard lock(mu_);
  return stopped_;
}

}  // namespace firefly
