#include "emit/writer.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include "core/fs.h"
#include "emit/folder_snapshot_for_tests.h"
#include "emit/path_clashes.h"

namespace fs = std::filesystem;

namespace {

/// A folder with an output folder and, around it, files that no build may touch.
struct Sandbox {
  fs::path root = fs::temp_directory_path() / ("firefly-writer-test-" + std::to_string(::getpid()));
  fs::path out = root / "web" / "out";
  Sandbox() {
    fs::create_directories(out);
    fs::create_directories(root / "web" / "sibling");
    std::ofstream(root / "web" / "sibling" / "keep.txt") << "sibling";
    std::ofstream(root / "web" / "keep.txt") << "parent";
    std::ofstream(root / "keep.txt") << "root";
  }
  ~Sandbox() { fs::remove_all(root); }

  /// Every file and link outside the output folder, with its bytes or target.
  std::map<std::string, std::string> outside() const { return firefly::folder_snapshot(root, out); }
};

/// A path made of random pieces: traversal, absolute starts, NUL, back slashes, very long
/// names, non-ASCII and case variants of one another, and plain names.
std::string random_path(std::mt19937& rng) {
  static const std::vector<std::string> kPieces = {"..",
                                                   ".",
                                                   "",
                                                   "a",
                                                   "A",
                                                   "index.html",
                                                   "escape",
                                                   "é",
                                                   "台南",
                                                   "e\xCC\x81",
                                                   "x\\y",
                                                   "..\\..",
                                                   ".firefly-output",
                                                   "%2e%2e",
                                                   " ",
                                                   "a b",
                                                   std::string(300, 'n'),
                                                   std::string("nul\0x", 5),
                                                   "\xFF\xFE",
                                                   "~",
                                                   "a..b",
                                                   "..."};
  std::uniform_int_distribution<size_t> piece(0, kPieces.size() - 1), parts(1, 4), coin(0, 9);
  std::string path = coin(rng) == 0 ? "/" : "";
  size_t n = parts(rng);
  for (size_t i = 0; i < n; ++i) {
    if (i) path += '/';
    path += kPieces[piece(rng)];
  }
  return path;
}

/// True when `path` stays inside the output folder by its text alone.
bool plainly_inside(const std::string& path) {
  if (path.empty() || path[0] == '/' || path.find('\\') != std::string::npos) return false;
  for (size_t start = 0;;) {
    size_t end = path.find('/', start);
    if (path.substr(start, end == std::string::npos ? end : end - start) == "..") return false;
    if (end == std::string::npos) return true;
    start = end + 1;
  }
}

/// The error each of `paths` must cause, by its text alone (outside the folder, a name kept
/// for Firefly, a second file at one path, a file at another's folder), as (source file, message)
/// pairs; the indexes of the other paths, which only the file system may refuse, go to `others`.
std::multiset<std::pair<std::string, std::string>> errors_by_text(
    const std::vector<std::string>& paths, const std::vector<std::string>& causes,
    std::set<size_t>& others) {
  std::multiset<std::pair<std::string, std::string>> expected;
  std::map<std::string, size_t> first;
  for (size_t i = 0; i < paths.size(); ++i) {
    const std::string& p = paths[i];
    if (!plainly_inside(p)) {
      expected.insert({causes[i], "refusing to write outside the output folder: " + p});
    } else if (p.rfind(".firefly-", 0) == 0) {
      expected.insert({causes[i], "the name /" + p + " is kept for Firefly's own files"});
    } else if (auto it = first.find(p); it != first.end()) {
      std::string a = causes[it->second], b = causes[i];
      if (b < a) std::swap(a, b);
      expected.insert({causes[it->second],
                       "two files would be published at /" + p + " (" + a + " and " + b + ")"});
    } else {
      first[p] = i;
      others.insert(i);
    }
  }
  // A file where another's folder must be ("a" and "a/index.html"): one error a clash, in
  // place of what the file system says of the paths in it.
  std::vector<std::string_view> sorted;
  for (const auto& [p, i] : first) sorted.push_back(p);
  for (const firefly::FolderClash& c : firefly::folder_clashes(sorted)) {
    size_t file = first.at(std::string(c.file)), inner = first.at(std::string(c.inner));
    expected.insert({causes[file], firefly::folder_clash_message(c, causes[file], causes[inner])});
    for (const auto& [p, i] : first) {
      if (p == c.file || p.rfind(std::string(c.file) + "/", 0) == 0) others.erase(i);
    }
  }
  return expected;
}

/// True when `message` is the file system's refusal to write `path` in `staging`.
bool file_system_refusal(const std::string& message, const fs::path& staging,
                         const std::string& path) {
  for (const char* reason :
       {"file name too long", "is a directory", "not a directory", "file exists"}) {
    std::string tail = (staging / path).string() + ": " + reason;
    if (message == "cannot write " + tail || message == "cannot create the folder of " + tail) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("writer: random output paths never write outside the output folder") {
  Sandbox box;
  const auto before = box.outside();
  const fs::path staging = box.out / (".firefly-staging-" + std::to_string(::getpid()));
  std::mt19937 rng(20261201);  // deterministic: a failure is reproduced by the next run
  size_t by_text = 0, by_file_system = 0;
  for (int round = 0; round < 40; ++round) {
    INFO("round " << round);
    // A previous output may hold a link out of it (a commit removes it: put it back).
    if (!fs::is_symlink(box.out / "escape")) {
      fs::remove_all(box.out / "escape");
      fs::create_directory_symlink(box.root / "web" / "sibling", box.out / "escape");
    }
    firefly::Diagnostics diags;
    std::vector<std::string> paths, causes;
    {
      firefly::OutputWriter writer(box.out, diags);
      for (int i = 0; i < 25; ++i) {
        paths.push_back(random_path(rng));
        causes.push_back("content/p" + std::to_string(i) + ".md");
        writer.add(
            firefly::OutputFile{paths.back(), "round " + std::to_string(round), "", causes.back()});
      }
      bool committed = writer.commit();
      // Every error is the one its path calls for, naming the file that asked for it;
      // nothing is switched in when there is any.
      std::set<size_t> others;
      auto expected = errors_by_text(paths, causes, others);
      for (const firefly::Diagnostic& d : diags.sorted()) {
        INFO("error: " << d.path << ": " << d.message);
        if (auto it = expected.find({d.path, d.message}); it != expected.end()) {
          expected.erase(it);
          ++by_text;
          continue;
        }
        auto refused = std::find_if(others.begin(), others.end(), [&](size_t i) {
          return causes[i] == d.path && file_system_refusal(d.message, staging, paths[i]);
        });
        CHECK(refused != others.end());
        if (refused != others.end()) {
          others.erase(refused);
          ++by_file_system;
        }
      }
      CHECK(expected.empty());
      CHECK(committed == !diags.has_errors());
    }
    CHECK(box.outside() == before);
    // The output holds no staging leftovers, whatever happened.
    for (const auto& entry : fs::directory_iterator(box.out)) {
      CHECK(entry.path().filename().string().rfind(".firefly-staging-", 0) != 0);
    }
  }
  // The seed reaches both kinds of error (a changed generator must keep doing so).
  CHECK(by_text > 100);
  CHECK(by_file_system > 5);
}

TEST_CASE("writer: a name with two dots in it is published; a part that is '..' is refused") {
  // static/report..final.txt and a folder content/v1..2/ were refused as "outside the
  // output folder", which they never were.
  Sandbox box;
  const auto before = box.outside();
  {
    firefly::Diagnostics diags;
    firefly::OutputWriter writer(box.out, diags);
    writer.add({"report..final.txt", "r", "", "static/report..final.txt"});
    writer.add({"v1..2/p/index.html", "p", "", "content/v1..2/p.md"});
    writer.add({"...", "dots", "", "static/..."});
    CHECK(writer.commit());
    CHECK_FALSE(diags.has_errors());
  }
  CHECK(firefly::read_file(box.out / "report..final.txt") == "r");
  CHECK(firefly::read_file(box.out / "v1..2" / "p" / "index.html") == "p");
  CHECK(firefly::read_file(box.out / "...") == "dots");
  for (const char* path : {"..", "../x", "a/../../x", "a/.."}) {
    INFO(path);
    firefly::Diagnostics diags;
    firefly::OutputWriter writer(box.out, diags);
    writer.add({path, "x", "", "content/x.md"});
    CHECK_FALSE(writer.commit());
    auto found = diags.sorted();
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == std::string("refusing to write outside the output folder: ") + path);
  }
  CHECK(box.outside() == before);
}

TEST_CASE("writer: linked files already published stay in place, and only exactly those") {
  Sandbox box;
  fs::path cache = box.root / "cache";
  fs::create_directories(cache);
  for (const char* name : {"a", "b", "c"}) std::ofstream(cache / name) << name;
  auto build = [&](const std::vector<std::string>& names) {
    firefly::Diagnostics diags;
    firefly::OutputWriter writer(box.out, diags);
    writer.add({"index.html", "home", ""});
    for (const std::string& n : names) {
      firefly::OutputFile f{"images/" + n + ".webp", "", (cache / n).string()};
      f.linkable = true;
      writer.add(std::move(f));
    }
    firefly::PublishStats stats;
    REQUIRE(writer.commit(&stats));
    return stats;
  };
  auto inode = [](const fs::path& p) {
    struct stat st;
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_ino;
  };
  auto read = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  build({"a", "b"});
  fs::path images = box.out / "images";
  auto folder = inode(images);
  // A rebuild with the same links leaves the folder as it is (not made again).
  firefly::PublishStats again = build({"a", "b"});
  CHECK(inode(images) == folder);
  CHECK(again.unchanged == 3);
  CHECK(inode(images / "a.webp") == inode(cache / "a"));
  // A file deleted from the output comes back.
  fs::remove(images / "b.webp");
  build({"a", "b"});
  CHECK(read(images / "b.webp") == "b");
  // A file put there by hand goes; one replaced by another file is published again.
  std::ofstream(images / "extra.txt") << "extra";
  fs::remove(images / "a.webp");
  std::ofstream(images / "a.webp") << "wrong";
  build({"a", "b"});
  CHECK(!fs::exists(images / "extra.txt"));
  CHECK(read(images / "a.webp") == "a");
  CHECK(inode(images / "a.webp") == inode(cache / "a"));
  // An empty folder left by hand goes too; a file no longer published goes.
  fs::create_directories(images / "empty");
  build({"a", "b"});
  CHECK(!fs::exists(images / "empty"));
  build({"a", "c"});
  CHECK(!fs::exists(images / "b.webp"));
  CHECK(read(images / "c.webp") == "c");
  folder = inode(images);
  build({"a", "c"});
  CHECK(inode(images) == folder);
  CHECK(box.outside().count((cache / "a").string()) == 1);
}

TEST_CASE("writer: a folder of linked files left as recorded is not listed again") {
  Sandbox box;
  fs::path cache = box.root / "cache";
  fs::path records = box.root / "records.tsv";
  fs::create_directories(cache);
  for (const char* name : {"a", "b"}) std::ofstream(cache / name) << name;
  auto inode = [](const fs::path& p) {
    struct stat st;
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_ino;
  };
  auto build = [&](const char* b_source = "b") {
    firefly::Diagnostics diags;
    firefly::OutputWriter writer(box.out, diags, records);
    writer.add({"index.html", "home", ""});
    for (const char* n : {"a", "b"}) {
      const char* from = n[0] == 'b' ? b_source : n;
      firefly::OutputFile f{std::string("images/") + n + ".webp", "", (cache / from).string()};
      f.linkable = true;
      f.source_device = 0;
      struct stat st;
      REQUIRE(::stat(f.source.c_str(), &st) == 0);
      f.source_device = st.st_dev;
      f.source_inode = st.st_ino;
      writer.add(std::move(f));
    }
    REQUIRE(writer.commit());
  };
  fs::path images = box.out / "images";
  auto age = [&] {
    fs::last_write_time(images, fs::file_time_type::clock::now() - std::chrono::hours(1));
  };
  build();
  CHECK(!fs::exists(records));  // switched in just now: its time is not trusted yet
  age();
  build();  // listed, left in place, recorded
  REQUIRE(fs::exists(records));
  auto folder = inode(images);
  // A file put there without changing the folder's time is not seen: not listed.
  auto then = fs::last_write_time(images);
  std::ofstream(images / "extra.txt") << "extra";
  fs::last_write_time(images, then);
  build();
  CHECK(fs::exists(images / "extra.txt"));
  CHECK(inode(images) == folder);
  // Any change that moves its time is seen: the folder is published again, exactly.
  fs::remove(images / "a.webp");
  build();
  CHECK(!fs::exists(images / "extra.txt"));
  CHECK(inode(images / "a.webp") == inode(cache / "a"));
  CHECK(inode(images / "b.webp") == inode(cache / "b"));
  // A rebuild publishing another file than recorded republishes the folder.
  age();
  build();
  folder = inode(images);
  std::ofstream(cache / "c") << "c";
  build("c");
  CHECK(inode(images / "b.webp") == inode(cache / "c"));
  CHECK(inode(images / "a.webp") == inode(cache / "a"));
}

TEST_CASE("writer: a batch of linked files published as recorded leaves its folder unlooked at") {
  Sandbox box;
  fs::path cache = box.root / "cache";
  fs::path records = box.root / "records.tsv";
  fs::create_directories(cache);
  for (const char* name : {"a", "b", "c"}) std::ofstream(cache / name) << name;
  auto inode = [](const fs::path& p) {
    struct stat st;
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_ino;
  };
  auto read = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  struct Result {
    bool asked = false;  // whether the writer asked for the batch's files
    firefly::PublishStats stats;
  };
  // `names`: the batch's files; `extra`: another file published in images/ ("" none).
  auto build = [&](std::vector<std::string> names, uint64_t digest, std::string extra = "") {
    Result r;
    firefly::Diagnostics diags;
    firefly::OutputWriter writer(box.out, diags, records);
    writer.add({"index.html", "home", ""});
    firefly::LinkedBatch batch;
    batch.top = "images";
    batch.digest = digest;
    batch.count = names.size();
    batch.files = [&, names](const firefly::OutputSink& sink) {
      r.asked = true;
      for (const std::string& n : names) {
        firefly::OutputFile f{"images/" + n + ".webp", "", (cache / n).string()};
        f.linkable = true;
        struct stat st;
        REQUIRE(::stat(f.source.c_str(), &st) == 0);
        f.source_device = st.st_dev;
        f.source_inode = st.st_ino;
        sink(std::move(f));
      }
    };
    writer.add_batch(std::move(batch));
    if (!extra.empty()) writer.add({"images/" + extra, "extra", ""});
    REQUIRE(writer.commit(&r.stats));
    return r;
  };
  fs::path images = box.out / "images";
  auto age = [&] {
    fs::last_write_time(images, fs::file_time_type::clock::now() - std::chrono::hours(1));
  };
  CHECK(build({"a", "b"}, 1).asked);  // nothing recorded: file by file
  age();
  CHECK(build({"a", "b"}, 1).asked);  // listed, left in place, recorded as the batch
  auto folder = inode(images);
  Result same = build({"a", "b"}, 1);
  CHECK(!same.asked);
  CHECK(same.stats.files == 3);
  CHECK(same.stats.unchanged == 3);
  CHECK(inode(images) == folder);
  CHECK(inode(images / "a.webp") == inode(cache / "a"));
  // Still recorded: the next build takes it whole again.
  CHECK(!build({"a", "b"}, 1).asked);
  // Another batch (digest) in the folder: published file by file, exactly.
  CHECK(build({"a", "c"}, 2).asked);
  CHECK(!fs::exists(images / "b.webp"));
  CHECK(inode(images / "c.webp") == inode(cache / "c"));
  age();
  CHECK(build({"a", "c"}, 2).asked);
  CHECK(!build({"a", "c"}, 2).asked);
  // Another file published in the folder: the batch's files are asked for in commit().
  CHECK(build({"a", "c"}, 2, "extra.txt").asked);
  CHECK(read(images / "extra.txt") == "extra");
  CHECK(inode(images / "a.webp") == inode(cache / "a"));
  CHECK(inode(images / "c.webp") == inode(cache / "c"));
  // ... and one at a batch file's path is the error it always is.
  {
    age();
    build({"a", "c"}, 2);  // extra.txt goes: the folder is made again
    age();
    build({"a", "c"}, 2);
    REQUIRE(!build({"a", "c"}, 2).asked);
    firefly::Diagnostics diags;
    firefly::OutputWriter writer(box.out, diags, records);
    firefly::LinkedBatch batch{
        "images", 2, 2, [&](const firefly::OutputSink& sink) {
          for (const char* n : {"a", "c"}) {
            firefly::OutputFile f{std::string("images/") + n + ".webp", "", (cache / n).string()};
            f.linkable = true;
            sink(std::move(f));
          }
        }};
    writer.add_batch(std::move(batch));
    writer.add({"images/a.webp", "page", ""});
    CHECK(!writer.commit());
    CHECK(diags.has_errors());
  }
  // A file put in the folder by hand changes its time: seen, and removed.
  std::ofstream(images / "by-hand.txt") << "x";
  CHECK(build({"a", "c"}, 2).asked);
  CHECK(!fs::exists(images / "by-hand.txt"));
  CHECK(!fs::exists(images / "extra.txt"));
}

TEST_CASE("writer: a path published twice is reported with both files, and only then") {
  using firefly::OutputFile;
  firefly::OutputSet files = {{"b/index.html", "b", "", "content/b.md"},
                              {"a/index.html", "a", "", "content/a.md"},
                              {"robots.txt", "r", "", ""}};
  firefly::Diagnostics none;
  CHECK(firefly::check_unique_paths(files, none));
  CHECK_FALSE(none.has_errors());
  CHECK(files[0].path == "b/index.html");  // left as it was: sorted only for a message

  files.push_back({"a/index.html", "<p>", "static/a/index.html", ""});
  firefly::Diagnostics diags;
  CHECK_FALSE(firefly::check_unique_paths(files, diags));
  auto found = diags.sorted();
  REQUIRE(found.size() == 1);
  CHECK(found[0].path == "static/a/index.html");
  CHECK(found[0].message ==
        "two files would be published at /a/index.html (content/a.md and static/a/index.html)");
  CHECK(found[0].hint == "rename or remove one of them");

  std::vector<std::string_view> paths = {"x-y", "a", "x/y"};
  CHECK(firefly::paths_unique(paths));
  CHECK(paths == std::vector<std::string_view>{"a", "x-y", "x/y"});
  paths.push_back("a");
  CHECK_FALSE(firefly::paths_unique(paths));
  paths = {"x-y", "a", "x/y", "x"};  // a file where the folder of x/y goes
  CHECK_FALSE(firefly::paths_unique(paths));
}

TEST_CASE("writer: a publish that fails midway puts back what it had switched in") {
  Sandbox box;
  auto site = [](const std::string& v) {
    return firefly::OutputSet{{"a.txt", "a" + v, ""},
                              {"b/index.html", "b" + v, ""},
                              {"c.txt", "c" + v, ""},
                              {"d/index.html", "d" + v, ""},
                              {"e" + v + ".txt", "e", ""}};
  };
  firefly::Diagnostics first;
  REQUIRE(firefly::publish(site("1"), box.out, first));
  auto before = firefly::folder_snapshot(box.out, box.out / ".none");
  // Entries switch in by name: a.txt, b, then c.txt fails; a new e2.txt never arrives.
  firefly::detail::fail_switching_in = "c.txt";
  firefly::Diagnostics second;
  CHECK_FALSE(firefly::publish(site("2"), box.out, second));
  firefly::detail::fail_switching_in.clear();
  CHECK(second.has_errors());
  CHECK(firefly::folder_snapshot(box.out, box.out / ".none") == before);
  for (const auto& entry : fs::directory_iterator(box.out)) {
    CHECK(entry.path().filename().string().rfind(".firefly-staging-", 0) != 0);
  }
  firefly::Diagnostics third;
  CHECK(firefly::publish(site("3"), box.out, third));
  std::ifstream b(box.out / "b" / "index.html");
  std::string text((std::istreambuf_iterator<char>(b)), std::istreambuf_iterator<char>());
  CHECK(text == "b3");
}

TEST_CASE("writer: a repository in the output folder is kept, and no file is published in it") {
  Sandbox box;
  firefly::Diagnostics first;
  REQUIRE(firefly::publish({{"index.html", "1", ""}, {"old.html", "o", ""}}, box.out, first));
  // `git init` in the output, to push the site by hand from there.
  fs::create_directories(box.out / ".git" / "refs");
  std::ofstream(box.out / ".git" / "HEAD") << "ref: refs/heads/main\n";
  auto repository = firefly::folder_snapshot(box.out / ".git", box.out / ".none");
  firefly::Diagnostics second;
  REQUIRE(firefly::publish({{"index.html", "2", ""}}, box.out, second));
  CHECK(firefly::folder_snapshot(box.out / ".git", box.out / ".none") == repository);
  CHECK(fs::is_directory(box.out / ".git" / "refs"));
  CHECK(fs::exists(box.out / "index.html"));
  CHECK_FALSE(fs::exists(box.out / "old.html"));  // the rest is replaced as before

  firefly::Diagnostics third;
  CHECK_FALSE(firefly::publish({{"index.html", "3", ""}, {".git/HEAD", "x", ""}}, box.out, third));
  auto found = third.sorted();
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "the name /.git/HEAD is kept for a git repository in the output folder");
  CHECK(firefly::folder_snapshot(box.out / ".git", box.out / ".none") == repository);
}
