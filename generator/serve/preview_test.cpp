#include "serve/preview.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>
#include <vector>

#include "serve/overlay.h"

namespace firefly {

namespace {

/// What a reply sends: its body, or the file of the site it sends from disk.
std::string sent(const PreviewReply& r) {
  if (!r.file) return r.body;
  std::string bytes(r.file->size, '\0');
  CHECK(::pread(r.file->fd, bytes.data(), bytes.size(), 0) == static_cast<ssize_t>(bytes.size()));
  return bytes;
}

OutputSet sample_site() {
  return {
      {"index.html", "<html lang=\"zh-Hant-TW\"><body><h1>首頁</h1></body></html>", ""},
      {"en/stories/index.html", "<html><BODY><p>stories</p></BODY></html>", ""},
      {"404.html", "<html><body><h1>Not here</h1></body></html>", ""},
      {"assets/site.css", "body{color:#111}", ""},
      {"data/awards.csv", "year,count\n2021,3\n", ""},
  };
}

}  // namespace

TEST_CASE("the preview serves the in-memory build") {
  PreviewSite site{std::filesystem::temp_directory_path()};
  site.show_site(sample_site());
  CHECK(site.generation() == 1);

  PreviewReply home = site.get("/");
  CHECK(home.status == 200);
  CHECK(home.content_type == "text/html; charset=utf-8");
  CHECK(home.body.find("首頁") != std::string::npos);
  CHECK(home.body.find("/__firefly/events?since=1") != std::string::npos);

  PreviewReply dir = site.get("/en/stories/?x=1");
  CHECK(dir.status == 200);
  CHECK(dir.body.find("stories") != std::string::npos);

  PreviewReply redirect = site.get("/en/stories");
  CHECK(redirect.status == 301);
  CHECK(redirect.location == "/en/stories/");

  PreviewReply css = site.get("/assets/site.css");
  CHECK(css.status == 200);
  CHECK(css.content_type == "text/css; charset=utf-8");
  CHECK(css.body == "body{color:#111}");  // no script in non-HTML files

  PreviewReply missing = site.get("/nope/");
  CHECK(missing.status == 404);
  CHECK(missing.body.find("Not here") != std::string::npos);

  CHECK(site.get("/../site.yaml").status == 400);
  CHECK(site.get("/%2e%2e/site.yaml").status == 400);
  CHECK(site.get("/assets%2fsite.css").status == 400);
}

TEST_CASE("large files are kept deflated and served as they were built") {
  std::string list, csv = "year,count\n";
  for (int i = 0; i < 300; ++i) list += "<li>志工 " + std::to_string(i) + "</li>\n";
  for (int i = 0; i < 300; ++i) csv += std::to_string(2000 + i) + "," + std::to_string(i) + "\n";
  std::string html = "<html><body><ul>" + list + "</ul></body></html>";
  PreviewSite site("/nonexistent");
  site.show_site({{"big/index.html", html, ""}, {"data/big.csv", csv, ""}});
  PreviewReply page = site.get("/big/");
  CHECK(page.status == 200);
  CHECK(page.body == inject_reload_script(html, 1));
  PreviewReply data = site.get("/data/big.csv");
  CHECK(data.body == csv);
  // An update replaces a packed file with its new bytes.
  site.update_site({{"data/big.csv", csv + "2300,1\n", ""}});
  CHECK(site.get("/data/big.csv").body == csv + "2300,1\n");
}

TEST_CASE("a build's files staged one by one from several threads are shown together") {
  std::string list;
  for (int i = 0; i < 300; ++i) list += "<li>志工 " + std::to_string(i) + "</li>\n";
  auto html = [&](int n) { return "<html><body><h1>" + std::to_string(n) + "</h1><ul>" + list; };
  PreviewSite site("/nonexistent");
  site.show_site({{"old/index.html", html(0), ""}});
  site.begin_staging();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < 200; i += 4) {
        site.stage_file({"s/" + std::to_string(i) + "/index.html", html(i), ""});
      }
    });
  }
  for (auto& t : threads) t.join();
  site.stage_file({"small.txt", "tiny", ""});
  // Until shown, the site shown is the one before.
  CHECK(site.get("/old/").status == 200);
  CHECK(site.get("/s/7/").status == 404);
  site.show_staged();
  CHECK(site.get("/old/").status == 404);
  for (int i = 0; i < 200; i += 13) {
    CHECK(site.packed("s/" + std::to_string(i) + "/index.html"));
    CHECK(site.get("/s/" + std::to_string(i) + "/").body == inject_reload_script(html(i), 2));
  }
  CHECK(site.get("/small.txt").body == "tiny");
  // A failed build's files are dropped: the site shown stays.
  site.begin_staging();
  site.stage_file({"s/7/index.html", html(999), ""});
  site.drop_staged();
  site.show_staged();  // nothing staged: nothing changes
  CHECK(site.get("/s/7/").body == inject_reload_script(html(7), 2));
}

TEST_CASE("an update's files are deflated once shown, and still served as built") {
  std::string list;
  for (int i = 0; i < 300; ++i) list += "<li>志工 " + std::to_string(i) + "</li>\n";
  std::string html = "<html><body><ul>" + list + "</ul></body></html>";
  PreviewSite site("/nonexistent");
  site.show_site({{"a/index.html", html, ""}, {"small.txt", "tiny", ""}});
  CHECK(site.packed("a/index.html"));
  CHECK_FALSE(site.packed("small.txt"));
  // Changed, added and small files; then enough updates that the changes are folded.
  for (int round = 0; round < 3; ++round) {
    std::string changed = html + "<!-- " + std::to_string(round) + " -->";
    site.update_site({{"a/index.html", changed, ""},
                      {"b/" + std::to_string(round) + "/index.html", changed, ""},
                      {"small.txt", "tiny" + std::to_string(round), ""}});
    CHECK(site.packed("a/index.html"));
    CHECK(site.packed("b/" + std::to_string(round) + "/index.html"));
    CHECK_FALSE(site.packed("small.txt"));
    CHECK(site.get("/a/").body == inject_reload_script(changed, 2 + round));
    CHECK(site.get("/b/" + std::to_string(round) + "/").body ==
          inject_reload_script(changed, 2 + round));
    CHECK(site.get("/small.txt").body == "tiny" + std::to_string(round));
  }
  OutputSet many;
  for (int i = 0; i < 300; ++i) many.push_back({"m/" + std::to_string(i) + ".html", html, ""});
  site.update_site(many);  // past the fold: the changes become the base
  CHECK(site.packed("m/7.html"));
  CHECK(site.packed("a/index.html"));
  CHECK(site.get("/m/7.html").body == inject_reload_script(html, 5));
}

TEST_CASE("updates change, add and remove files, before and after they are folded together") {
  PreviewSite site{std::filesystem::temp_directory_path()};
  OutputSet first;
  for (int i = 0; i < 300; ++i) first.push_back({"f/" + std::to_string(i) + ".txt", "v0", ""});
  site.show_site(first);
  // What the site should show: path -> bytes.
  std::map<std::string, std::string> shown;
  for (const OutputFile& f : first) shown[f.path] = f.bytes;
  auto check_shown = [&] {
    for (int i = 0; i < 400; ++i) {
      std::string path = "f/" + std::to_string(i) + ".txt";
      PreviewReply r = site.get("/" + path);
      auto it = shown.find(path);
      if (it == shown.end()) {
        CHECK_MESSAGE(r.status == 404, path);
      } else {
        CHECK_MESSAGE(r.body == it->second, path);
      }
    }
  };
  // Enough updates that the changes pass the size at which they are folded into the base
  // (256 files), with removals of files of the base and of files added since.
  for (int round = 1; round <= 40; ++round) {
    OutputSet files;
    std::vector<std::string> removed;
    for (int k = 0; k < 9; ++k) {
      int i = (round * 37 + k * 41) % 400;
      std::string path = "f/" + std::to_string(i) + ".txt";
      if ((round + k) % 4 == 0) {
        removed.push_back(path);
        shown.erase(path);
      } else {
        std::string bytes = "v" + std::to_string(round) + "-" + std::to_string(k);
        files.push_back({path, bytes, ""});
        shown[path] = bytes;
      }
    }
    site.update_site(files, removed);
    if (round % 8 == 0) check_shown();
  }
  check_shown();
}

TEST_CASE("copied files are read from their source at request time") {
  auto dir = std::filesystem::temp_directory_path() /
             ("firefly_preview_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "logo.svg") << "<svg/>";
  PreviewSite site{std::filesystem::temp_directory_path()};
  site.show_site({{"images/logo.svg", "", (dir / "logo.svg").string()}});
  PreviewReply r = site.get("/images/logo.svg");
  CHECK(r.status == 200);
  CHECK(r.content_type == "image/svg+xml; charset=utf-8");
  CHECK(r.body.empty());  // sent from disk as it is read
  CHECK(sent(r) == "<svg/>");
  std::filesystem::remove_all(dir);
  CHECK(site.get("/images/logo.svg").status == 404);
}

TEST_CASE("a broken build shows its errors for pages, the last good build for files") {
  PreviewSite site{std::filesystem::temp_directory_path()};
  site.show_site(sample_site());
  site.show_errors("content/a.md:1:1: error: title is missing\n");
  CHECK(site.generation() == 2);
  for (const char* page : {"/", "/en/stories/", "/nope/", "/missing.html"}) {
    PreviewReply r = site.get(page);
    CHECK(r.status == 500);
    CHECK(r.body.find("role=\"alert\"") != std::string::npos);
    CHECK(r.body.find("title is missing") != std::string::npos);
  }
  CHECK(site.get("/assets/site.css").status == 200);
  CHECK(site.get("/data/awards.csv").body == "year,count\n2021,3\n");
  CHECK(site.get("/missing.css").status == 404);
  // Fixed: pages come back.
  site.show_site(sample_site());
  CHECK(site.get("/").status == 200);
}

TEST_CASE("the CMS page is served as built: no reload script, never the error page") {
  PreviewSite site{std::filesystem::temp_directory_path()};
  OutputSet files = sample_site();
  files.push_back({"admin/index.html", "<html><body><p>editor</p></body></html>", ""});
  site.show_site(std::move(files));
  site.show_errors("content/a.md:1:1: error: title is missing\n");
  PreviewReply admin = site.get("/admin/");
  CHECK(admin.status == 200);
  CHECK(admin.content_type == "text/html; charset=utf-8");
  CHECK(admin.body == "<html><body><p>editor</p></body></html>");
  CHECK(site.get("/").status == 500);  // the other pages show the errors
}

TEST_CASE("a quiet update changes files but keeps the errors and wakes no page") {
  PreviewSite site{std::filesystem::temp_directory_path()};
  site.show_site(sample_site());
  site.show_errors("content/a.md:1:1: error: title is missing\n");
  site.update_files_quietly({{"search/en/index.json", "{\"docs\":2}", ""}}, {"data/awards.csv"});
  CHECK(site.generation() == 2);
  CHECK(site.get("/").status == 500);
  CHECK(site.get("/search/en/index.json").body == "{\"docs\":2}");
  CHECK(site.get("/data/awards.csv").status == 404);
  CHECK(site.get("/assets/site.css").status == 200);
}

TEST_CASE("files packed ahead are shown deflated by a quiet update, and not before it") {
  PreviewSite site{std::filesystem::temp_directory_path()};
  site.show_site(sample_site());
  std::string shard(20000, 'a');
  for (size_t i = 0; i < shard.size(); i += 7) shard[i] = static_cast<char>('b' + i % 13);
  PreviewSite::PackedFiles packed = site.pack_files({{"search/en/s/1.txt", shard, ""}});
  CHECK(site.get("/search/en/s/1.txt").status == 404);  // packing shows nothing yet
  CHECK(site.generation() == 1);
  site.update_files_quietly(std::move(packed), {"data/awards.csv"});
  CHECK(site.get("/search/en/s/1.txt").body == shard);
  CHECK(site.packed("search/en/s/1.txt"));
  CHECK(site.get("/data/awards.csv").status == 404);
  CHECK(site.generation() == 1);  // no page woken
}

TEST_CASE("a request for a held file waits for its new bytes; others are answered at once") {
  PreviewSite site{std::filesystem::temp_directory_path()};
  OutputSet files = sample_site();
  files.push_back({"sitemap.xml", "<urlset>old</urlset>", ""});
  site.show_site(files);
  site.hold({"sitemap.xml", "en/feed.xml"});  // made after the pages: one changes, one is new
  site.update_site({{"en/stories/index.html", "<p>new list</p>", ""}});
  std::atomic<int> answered{0};
  PreviewReply sitemap, feed;
  std::thread a([&] {
    sitemap = site.get("/sitemap.xml");
    ++answered;
  });
  std::thread b([&] {
    feed = site.get("/en/feed.xml");
    ++answered;
  });
  CHECK(site.get("/en/stories/").body.find("new list") != std::string::npos);
  CHECK(site.get("/data/awards.csv").status == 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(answered == 0);           // neither stale nor missing: still waiting
  std::string big(100'000, 'x');  // deflated once shown: served as made all the same
  site.update_held({{"sitemap.xml", "<urlset>new" + big + "</urlset>", ""},
                    {"en/feed.xml", "<feed>new</feed>", ""}});
  a.join();
  b.join();
  CHECK(sitemap.status == 200);
  CHECK(sitemap.body == "<urlset>new" + big + "</urlset>");
  CHECK(feed.status == 200);
  CHECK(feed.body == "<feed>new</feed>");
  CHECK(site.packed("sitemap.xml"));
  CHECK(site.get("/sitemap.xml").body == sitemap.body);
  CHECK(site.generation() == 2);  // the held files reloaded no page

  // Held again with nothing new for them: the old bytes, once released; stop releases too.
  site.hold({"en/feed.xml"});
  std::thread c([&] { feed = site.get("/en/feed.xml"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  site.update_held({});
  c.join();
  CHECK(feed.body == "<feed>new</feed>");
  site.hold({"en/feed.xml"});
  std::thread d([&] { feed = site.get("/en/feed.xml"); });
  site.stop();
  d.join();
}

TEST_CASE("a held page is answered with its new bytes once they are made, never the old") {
  PreviewSite site{std::filesystem::temp_directory_path()};
  OutputSet files = sample_site();
  files.push_back({"en/stories/page/2/index.html", "<html><body>old second</body></html>", ""});
  site.show_site(files);
  // A new story: the open list page is shown at once, the second page (moved too) after.
  site.hold({"en/stories/page/2/index.html"});
  site.update_site({{"en/stories/index.html", "<html><body>new first</body></html>", ""}});
  CHECK(site.get("/en/stories/").body.find("new first") != std::string::npos);
  std::atomic<bool> answered{false};
  PreviewReply second;
  std::thread t([&] {
    second = site.get("/en/stories/page/2/");
    answered = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK_FALSE(answered);  // not the old bytes: still waiting
  site.update_held({{"en/stories/page/2/index.html", "<html><body>new second</body></html>", ""}});
  t.join();
  CHECK(second.status == 200);
  CHECK(second.body.find("new second") != std::string::npos);
  CHECK(second.body.find("old second") == std::string::npos);
  CHECK(second.body.find("since=2") != std::string::npos);  // the update that made it
}

TEST_CASE("the search index held apart from an update's pending files, until released") {
  PreviewSite site{std::filesystem::temp_directory_path()};
  OutputSet files = sample_site();
  files.push_back({"search/en/index.json", "{\"docs\":1}", ""});
  files.push_back({"sitemap.xml", "<urlset>old</urlset>", ""});
  site.show_site(files);
  site.hold_index({"search/en/index.json"});
  site.hold({"sitemap.xml"});
  site.update_site({{"en/stories/index.html", "<p>new list</p>", ""}});
  std::atomic<bool> answered{false};
  PreviewReply index;
  std::thread t([&] {
    index = site.get("/search/en/index.json");
    answered = true;
  });
  // The pending files released: the index still waits, and is never answered stale.
  site.update_held({{"sitemap.xml", "<urlset>new</urlset>", ""}});
  CHECK(site.get("/sitemap.xml").body == "<urlset>new</urlset>");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK_FALSE(answered);
  site.update_files_quietly({{"search/en/index.json", "{\"docs\":2}", ""}}, {});
  site.release_index();
  t.join();
  CHECK(index.body == "{\"docs\":2}");
  // Released with nothing new: the bytes shown; stop releases too.
  site.hold_index({"search/en/index.json"});
  std::thread u([&] { index = site.get("/search/en/index.json"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  site.release_index();
  u.join();
  CHECK(index.body == "{\"docs\":2}");
  site.hold_index({"search/en/index.json"});
  std::thread v([&] { index = site.get("/search/en/index.json"); });
  site.stop();
  v.join();
}

TEST_CASE("the pages open in a browser and the last page asked for are rendered first") {
  using Paths = std::vector<std::string>;
  PreviewSite site{std::filesystem::temp_directory_path()};
  site.show_site(sample_site());
  CHECK(site.pages_open().empty());
  site.page_opened("/en/stories/");
  site.page_opened("/en/stories/?x=1");  // a second tab on it
  site.page_opened("/../site.yaml");     // not a path of the site
  site.get("/assets/site.css");          // not a page
  CHECK(site.pages_open() == Paths{"en/stories/index.html"});
  site.get("/");
  CHECK(site.pages_open() == Paths{"en/stories/index.html", "index.html"});
  site.page_closed("/en/stories/");
  CHECK(site.pages_open() == Paths{"en/stories/index.html", "index.html"});
  site.page_closed("/en/stories/?x=1");
  CHECK(site.pages_open() == Paths{"index.html"});
  site.get("/en/stories/");
  CHECK(site.pages_open() == Paths{"en/stories/index.html"});
}

TEST_CASE("a broken first build has no site but still shows the errors") {
  PreviewSite site{std::filesystem::temp_directory_path()};
  site.show_errors("site.yaml:2:1: error: bad\n");
  CHECK(site.get("/").status == 500);
  CHECK(site.get("/a.css").status == 404);
}

TEST_CASE("waiters wake on a new build and on stop") {
  PreviewSite site{std::filesystem::temp_directory_path()};
  site.show_site(sample_site());
  std::uint64_t seen = 0;
  std::thread waiter([&] { seen = site.wait_for_change(1, std::chrono::seconds(10)); });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  site.show_site(sample_site());
  waiter.join();
  CHECK(seen == 2);
  CHECK(site.wait_for_change(2, std::chrono::milliseconds(10)) == 2);  // timeout
  std::thread stopped([&] { site.wait_for_change(2, std::chrono::seconds(10)); });
  site.stop();
  stopped.join();
  CHECK(site.stopped());
}

TEST_CASE("the preview reads site files at request time, only regular files inside the site") {
  namespace fs = std::filesystem;
  fs::path site_dir = fs::temp_directory_path() / ("firefly-preview-" + std::to_string(::getpid()));
  fs::create_directories(site_dir / "static");
  { std::ofstream(site_dir / "static" / "a.css") << "body{}"; }
  PreviewSite site{site_dir};
  OutputSet files;
  for (const char* name : {"a.css", "b.css", "c.css"}) {
    files.push_back({name, "", (site_dir / "static" / name).string()});
  }
  site.show_site(std::move(files));
  CHECK(site.get("/a.css").status == 200);
  CHECK(sent(site.get("/a.css")) == "body{}");
  // Swapped for a symbolic link out of the site: refused.
  fs::create_symlink("/etc/passwd", site_dir / "static" / "b.css");
  CHECK(site.get("/b.css").status == 404);
  // Swapped for a FIFO: refused at once, never waited on.
  REQUIRE(::mkfifo((site_dir / "static" / "c.css").c_str(), 0600) == 0);
  CHECK(site.get("/c.css").status == 404);
  fs::remove_all(site_dir);
}

TEST_CASE("the preview shows errors in the language it was given") {
  PreviewSite site{std::filesystem::temp_directory_path()};
  site.show_site({{"index.html", "<html><body>hi</body></html>", ""}});
  site.show_errors("content/a.md:1:1: error: title is missing\n", "vi");
  PreviewReply r = site.get("/");
  CHECK(r.status == 500);
  CHECK(r.body.find("<html lang=\"vi\">") != std::string::npos);
}

}  // namespace firefly
