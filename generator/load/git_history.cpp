#include "load/git_history.h"

#include <git2.h>

#include <chrono>
#include <ctime>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>

#include "core/fs.h"
#include "core/text.h"
#include "load/commit_message.h"

namespace firefly {

namespace {

/// Initialises libgit2 once per process.
void init_libgit2() {
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
}

std::string first_line(const char* message) {
  std::string s = message ? message : "";
  size_t nl = s.find('\n');
  if (nl != std::string::npos) s.resize(nl);
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return showable_commit_message(s);
}

/// The hex text of `id`; "" for a zero id.
std::string hex_of(const git_oid& id) {
  if (git_oid_is_zero(&id)) return "";
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &id);
  return hex;
}

/// The blob id of `path` in `tree`, or a zero id when absent.
git_oid entry_id(git_tree* tree, const std::string& path) {
  git_oid id{};
  git_tree_entry* entry = nullptr;
  if (tree && git_tree_entry_bypath(&entry, tree, path.c_str()) == 0) {
    git_oid_cpy(&id, git_tree_entry_id(entry));
    git_tree_entry_free(entry);
  }
  return id;
}

}  // namespace

struct GitHistory::Impl {
  git_repository* repo = nullptr;
  TimeZone zone;
  std::string prefix;  ///< the site folder relative to the work tree, "" or "site/"
  ~Impl() {
    if (repo) git_repository_free(repo);
  }
};

namespace {

/// Whether `dir` or a folder above it holds a `.git` (a folder, or a file naming one): a
/// site outside git then does not start libgit2, whose start reads every certificate of
/// the system's bundle (55 M instructions, a quarter of a small site's build).
bool inside_git_work_tree(const std::filesystem::path& dir) {
  std::error_code ec;
  for (std::filesystem::path d = dir;; d = d.parent_path()) {
    if (std::filesystem::exists(std::filesystem::symlink_status(d / ".git", ec))) return true;
    if (d == d.parent_path()) return false;
  }
}

/// Opens the repository holding `site_dir` into `repo` (null when there is none, or it has
/// no work tree) and sets `prefix` to the site folder within its work tree ("" or "site/").
void open_site_repository(const std::filesystem::path& site_dir, git_repository*& repo,
                          std::string& prefix) {
  std::error_code ec;
  std::filesystem::path site = std::filesystem::weakly_canonical(site_dir, ec);
  if (ec || !inside_git_work_tree(site)) return;
  init_libgit2();
  if (git_repository_open_ext(&repo, site.string().c_str(), 0, nullptr) != 0) {
    repo = nullptr;
    return;
  }
  const char* workdir = git_repository_workdir(repo);
  if (!workdir) {
    git_repository_free(repo);
    repo = nullptr;
    return;
  }
  std::filesystem::path root = std::filesystem::weakly_canonical(workdir, ec);
  std::filesystem::path rel = site.lexically_relative(root);
  std::string r = rel.generic_string();
  if (!r.empty() && r != ".") prefix = r + "/";
}

/// The history entry of the commit `id`.
std::optional<HistoryEntry> entry_of(git_repository* repo, const TimeZone& zone,
                                     const git_oid* id) {
  git_commit* commit = nullptr;
  if (git_commit_lookup(&commit, repo, id) != 0) return std::nullopt;
  const git_signature* who = git_commit_committer(commit);
  HistoryEntry e;
  e.date = zone.at(static_cast<long long>(who->when.time));
  e.message = first_line(git_commit_message(commit));
  e.commit = hex_of(*id);
  git_commit_free(commit);
  return e;
}

/// A commit's tree whose folders are each looked up once: finding a file is a binary
/// search in its folder's tree. (git_tree_entry_bypath reads every folder on the way
/// again for each file: a folder of 20,000 stories made every look-up cost 20,000.)
class FolderTrees {
 public:
  FolderTrees(git_repository* repo, git_tree* root) : repo_(repo), root_(root) {}
  FolderTrees(const FolderTrees&) = delete;
  FolderTrees& operator=(const FolderTrees&) = delete;
  ~FolderTrees() {
    for (auto& [path, tree] : folders_) {
      if (tree) git_tree_free(tree);
    }
  }

  /// The blob id of `path` in the tree, or a zero id when absent.
  git_oid entry_id(const std::string& path) {
    git_oid id{};
    size_t slash = path.rfind('/');
    git_tree* folder = slash == std::string::npos ? root_ : find_folder(path.substr(0, slash));
    if (!folder) return id;
    const char* name = path.c_str() + (slash == std::string::npos ? 0 : slash + 1);
    if (const git_tree_entry* entry = git_tree_entry_byname(folder, name)) {
      git_oid_cpy(&id, git_tree_entry_id(entry));
    }
    return id;
  }

 private:
  git_tree* find_folder(const std::string& path) {
    auto [it, added] = folders_.try_emplace(path, nullptr);
    if (!added || !root_) return it->second;
    git_tree_entry* entry = nullptr;
    if (git_tree_entry_bypath(&entry, root_, path.c_str()) == 0) {
      if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
        git_tree_lookup(&it->second, repo_, git_tree_entry_id(entry));
      }
      git_tree_entry_free(entry);
    }
    return it->second;
  }

  git_repository* repo_;
  git_tree* root_;
  std::unordered_map<std::string, git_tree*> folders_;  ///< owned; null: not a folder
};

/// The files a commit (its tree `after`, its first parent's `before`) removed, by blob id
/// (hex) -> repository path.
std::unordered_map<std::string, std::string> removed_files(git_repository* repo, git_tree* before,
                                                           git_tree* after) {
  std::unordered_map<std::string, std::string> out;
  git_diff* diff = nullptr;
  if (!before || git_diff_tree_to_tree(&diff, repo, before, after, nullptr) != 0) return out;
  for (size_t k = 0; k < git_diff_num_deltas(diff); ++k) {
    const git_diff_delta* d = git_diff_get_delta(diff, k);
    if (d->status == GIT_DELTA_DELETED) out.emplace(hex_of(d->old_file.id), d->old_file.path);
  }
  git_diff_free(diff);
  return out;
}

}  // namespace

GitHistory::GitHistory(const std::filesystem::path& site_dir, const TimeZone& zone)
    : impl_(std::make_unique<Impl>()) {
  impl_->zone = zone;
  open_site_repository(site_dir, impl_->repo, impl_->prefix);
}

GitHistory::~GitHistory() = default;

bool GitHistory::available() const {
  if (!impl_->repo) return false;
  git_oid head;
  return git_reference_name_to_id(&head, impl_->repo, "HEAD") == 0;
}

std::optional<RepositoryFolders> repository_folders(const std::filesystem::path& site_dir) {
  git_repository* repo = nullptr;
  std::string prefix;
  open_site_repository(site_dir, repo, prefix);
  if (!repo) return std::nullopt;
  RepositoryFolders out{git_repository_path(repo), git_repository_commondir(repo)};
  git_repository_free(repo);
  return out;
}

bool GitHistory::at_root() const { return available() && impl_->prefix.empty(); }

bool GitHistory::shallow() const {
  return available() && git_repository_is_shallow(impl_->repo) == 1;
}

std::vector<std::vector<HistoryEntry>> GitHistory::changes(
    const std::vector<std::vector<std::string>>& path_groups, size_t limit,
    bool follow_renames) const {
  std::vector<std::vector<HistoryEntry>> out(path_groups.size());
  // The path each group of one path is read at, when renames are followed.
  std::vector<std::vector<std::string>> followed;
  if (follow_renames) followed = path_groups;
  if (!available()) return out;
  git_revwalk* walk = nullptr;
  if (git_revwalk_new(&walk, impl_->repo) != 0) return out;
  git_revwalk_sorting(walk, GIT_SORT_TIME | GIT_SORT_TOPOLOGICAL);
  if (git_revwalk_push_head(walk) != 0) {
    git_revwalk_free(walk);
    return out;
  }
  git_oid id;
  size_t full_groups = 0;
  while (full_groups < path_groups.size() && git_revwalk_next(&id, walk) == 0) {
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, impl_->repo, &id) != 0) continue;
    git_tree* tree = nullptr;
    git_commit_tree(&tree, commit);
    std::vector<git_tree*> parents;
    for (unsigned p = 0; p < git_commit_parentcount(commit); ++p) {
      git_commit* parent = nullptr;
      git_tree* ptree = nullptr;
      if (git_commit_parent(&parent, commit, p) == 0) {
        git_commit_tree(&ptree, parent);
        git_commit_free(parent);
      }
      parents.push_back(ptree);
    }
    FolderTrees files(impl_->repo, tree);
    std::vector<std::unique_ptr<FolderTrees>> parent_files;
    for (git_tree* ptree : parents) {
      parent_files.push_back(std::make_unique<FolderTrees>(impl_->repo, ptree));
    }
    std::optional<std::unordered_map<std::string, std::string>> removed;  // made when needed
    for (size_t g = 0; g < path_groups.size(); ++g) {
      if (out[g].size() >= limit) continue;
      bool changed = false;
      git_oid blob{};
      std::vector<git_oid> parent_blobs;
      const std::vector<std::string>& paths = follow_renames ? followed[g] : path_groups[g];
      for (const std::string& path : paths) {
        std::string full = impl_->prefix + path;
        git_oid mine = files.entry_id(full);
        // A commit changed the file when it differs from every parent (or, for the first
        // commit, when it holds the file): merges that took one side unchanged do not count.
        bool differs_from_all = true;
        parent_blobs.clear();
        for (auto& parent : parent_files) {
          git_oid theirs = parent->entry_id(full);
          if (git_oid_equal(&mine, &theirs)) differs_from_all = false;
          parent_blobs.push_back(theirs);
        }
        if (parents.empty()) differs_from_all = !git_oid_is_zero(&mine);
        if (differs_from_all) changed = true;
        blob = mine;
      }
      if (changed && follow_renames && paths.size() == 1 && !parents.empty()) {
        // New at this path: renamed when a parent had the same bytes at a path this commit
        // removed; then no change, and the file's history goes on at that path.
        bool is_new = true;
        for (const git_oid& p : parent_blobs) is_new = is_new && git_oid_is_zero(&p);
        if (is_new) {
          if (!removed) removed = removed_files(impl_->repo, parents.front(), tree);
          auto it = removed->find(hex_of(blob));
          if (it != removed->end() && starts_with(it->second, impl_->prefix)) {
            followed[g] = {it->second.substr(impl_->prefix.size())};
            changed = false;
          }
        }
      }
      if (changed) {
        const git_signature* who = git_commit_committer(commit);
        HistoryEntry e;
        e.date = impl_->zone.at(static_cast<long long>(who->when.time));
        e.message = first_line(git_commit_message(commit));
        e.commit = hex_of(id);
        if (path_groups[g].size() == 1) {
          e.blob = hex_of(blob);
          for (const git_oid& p : parent_blobs) e.parent_blobs.push_back(hex_of(p));
        }
        out[g].push_back(std::move(e));
        if (out[g].size() == limit) ++full_groups;
      }
    }
    parent_files.clear();
    for (git_tree* ptree : parents) git_tree_free(ptree);
    git_tree_free(tree);
    git_commit_free(commit);
  }
  git_revwalk_free(walk);
  return out;
}

std::optional<HistoryEntry> GitHistory::lookup(const std::string& rev) const {
  if (!available() || rev.empty()) return std::nullopt;
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, impl_->repo, rev.c_str()) != 0) return std::nullopt;
  git_object* peeled = nullptr;
  int rc = git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
  git_object_free(obj);
  if (rc != 0) return std::nullopt;
  std::optional<HistoryEntry> e = entry_of(impl_->repo, impl_->zone, git_object_id(peeled));
  git_object_free(peeled);
  return e;
}

std::optional<std::string> GitHistory::file_at(const std::string& commit,
                                               const std::string& path) const {
  if (!available()) return std::nullopt;
  git_oid id;
  if (git_oid_fromstr(&id, commit.c_str()) != 0) return std::nullopt;
  git_commit* c = nullptr;
  if (git_commit_lookup(&c, impl_->repo, &id) != 0) return std::nullopt;
  git_tree* tree = nullptr;
  git_commit_tree(&tree, c);
  git_commit_free(c);
  git_oid blob_id = entry_id(tree, impl_->prefix + path);
  git_tree_free(tree);
  if (git_oid_is_zero(&blob_id)) return std::nullopt;
  return blob_text(hex_of(blob_id));
}

std::optional<std::string> GitHistory::blob_text(const std::string& blob) const {
  if (blob.empty()) return std::string();
  git_oid id;
  if (!available() || git_oid_fromstr(&id, blob.c_str()) != 0) return std::nullopt;
  git_blob* b = nullptr;
  if (git_blob_lookup(&b, impl_->repo, &id) != 0) return std::nullopt;
  std::string bytes(static_cast<const char*>(git_blob_rawcontent(b)),
                    static_cast<size_t>(git_blob_rawsize(b)));
  git_blob_free(b);
  return bytes;
}

std::vector<LineHunk> line_hunks(std::string_view before, std::string_view after) {
  init_libgit2();
  std::vector<LineHunk> hunks;
  git_diff_options options;
  git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
  options.context_lines = 0;
  options.flags |= GIT_DIFF_FORCE_TEXT;
  auto on_hunk = [](const git_diff_delta*, const git_diff_hunk* hunk, void* payload) -> int {
    static_cast<std::vector<LineHunk>*>(payload)->push_back(
        LineHunk{static_cast<size_t>(hunk->old_lines), static_cast<size_t>(hunk->new_lines)});
    return 0;
  };
  git_diff_buffers(before.data(), before.size(), nullptr, after.data(), after.size(), nullptr,
                   &options, nullptr, nullptr, on_hunk, nullptr, &hunks);
  return hunks;
}

std::optional<Date> file_mtime_date(const std::filesystem::path& file, const TimeZone& zone) {
  std::error_code ec;
  auto t = std::filesystem::last_write_time(file, ec);
  if (ec) return std::nullopt;
  auto sys = std::chrono::file_clock::to_sys(t);
  long long seconds =
      std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch()).count();
  Date d = zone.at(seconds);
  return Date{d.year, d.month, d.day};
}

}  // namespace firefly
