// The `firefly` command line: parse arguments, call a command, print what it found.
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <new>
#include <string>
#include <system_error>
#include <vector>

#include "commands/build.h"
#include "commands/init.h"
#include "commands/new_page.h"
#include "commands/report.h"
#include "commands/serve.h"
#include "core/error.h"
#include "core/interrupt.h"
#include "core/version.h"

#ifdef FIREFLY_JEMALLOC
/// jemalloc's settings: one arena. The build frees each step's memory (the Markdown after
/// the bodies) on other threads than the next step allocates on; with an arena per thread
/// that memory stayed unused. 10,000 stories: peak RSS 380 -> 343 MB, fewer page faults.
///
/// A build also keeps the pages it frees (no decay): each step's memory is reused by the
/// next without faulting it in again. It does not ask for huge pages (thp:always): on a
/// quiet 2-core VM they cost more than they saved, since the kernel zeroes and compacts
/// 2 MB at a time when a page is first touched. 10,000 stories, alternating runs:
/// 6.2-6.6 s wall, 3.8-4.9 s system CPU with them, 4.3-4.4 s and 0.9 s without; after a
/// Hugo build freed its 2.7 GB, 5.8-6.7 s against 5.2-5.4 s. (Measured on a machine loaded
/// by other builds they had saved a quarter of the CPU.) `serve` lives on, so it sets its
/// own (serve_memory_settings).
extern "C" const char* malloc_conf;
const char* malloc_conf = "narenas:1,dirty_decay_ms:-1,metadata_thp:auto";

extern "C" int mallctl(const char* name, void* oldp, size_t* oldlenp, void* newp, size_t newlen);

/// jemalloc's extent hooks (jemalloc.h's extent_hooks_s, not included: it would declare
/// the calloc below a second time).
struct ExtentHooks {
  void* (*alloc)(ExtentHooks*, void*, size_t, size_t, bool*, bool*, unsigned);
  bool (*dalloc)(ExtentHooks*, void*, size_t, bool, unsigned);
  void (*destroy)(ExtentHooks*, void*, size_t, bool, unsigned);
  bool (*commit)(ExtentHooks*, void*, size_t, size_t, size_t, unsigned);
  bool (*decommit)(ExtentHooks*, void*, size_t, size_t, size_t, unsigned);
  bool (*purge_lazy)(ExtentHooks*, void*, size_t, size_t, size_t, unsigned);
  bool (*purge_forced)(ExtentHooks*, void*, size_t, size_t, size_t, unsigned);
  bool (*split)(ExtentHooks*, void*, size_t, size_t, size_t, bool, unsigned);
  bool (*merge)(ExtentHooks*, void*, size_t, void*, size_t, bool, unsigned);
};
#endif

namespace {

/// A long-running server uses no huge pages and returns the memory it frees within a
/// second, at once (not marked for the system to take when it wants, MADV_FREE, which
/// still counts as resident): its resident memory follows what it holds. 10,000 stories,
/// after edits: 578 -> 523 MB. The memory is returned by jemalloc's own thread: without
/// it decay only runs as memory is allocated or freed, and what the last update freed
/// stayed resident while serve waited for the next edit (27 edits, settled: 522-531 ->
/// 485 MB; the same save-to-page times).
void serve_memory_settings() {
#ifdef FIREFLY_JEMALLOC
  prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
  ssize_t dirty = 1000, muzzy = 0;
  mallctl("arenas.dirty_decay_ms", nullptr, nullptr, &dirty, sizeof dirty);
  mallctl("arenas.muzzy_decay_ms", nullptr, nullptr, &muzzy, sizeof muzzy);
  unsigned arenas = 0;
  size_t size = sizeof arenas;
  if (mallctl("arenas.narenas", &arenas, &size, nullptr, 0) != 0) return;
  for (unsigned i = 0; i < arenas; ++i) {
    std::string arena = "arena." + std::to_string(i) + ".";
    mallctl((arena + "dirty_decay_ms").c_str(), nullptr, nullptr, &dirty, sizeof dirty);
    mallctl((arena + "muzzy_decay_ms").c_str(), nullptr, nullptr, &muzzy, sizeof muzzy);
  }
  bool background = true;
  mallctl("background_thread", nullptr, nullptr, &background, sizeof background);
#endif
}

#ifdef FIREFLY_JEMALLOC
ExtentHooks* default_extent_hooks = nullptr;
ExtentHooks populating_hooks;

/// Memory from the system (jemalloc's default), said to be not yet committed: jemalloc
/// then commits each piece it cuts from it when it starts to use the piece
/// (commit_populated). It is readable and writable all the same.
void* alloc_uncommitted(ExtentHooks*, void* addr, size_t size, size_t alignment, bool* zero,
                        bool* commit, unsigned arena) {
  void* p =
      default_extent_hooks->alloc(default_extent_hooks, addr, size, alignment, zero, commit, arena);
  if (p) *commit = false;
  return p;
}

/// A piece of new memory that jemalloc starts to use (a slab of small blocks, or a large
/// block) has its pages mapped by one call (MADV_POPULATE_WRITE, Linux 5.14) instead of a
/// page fault each. Up to 1 MB and a page (a 1 MB block: the search index's log and
/// postings); larger blocks are mostly buffers grown by doubling, half written, whose
/// unwritten pages would then be resident. On a virtual machine each fault costs ~13 µs of
/// CPU, ~7 µs populated. 10,000 stories: 86,000 page faults -> 9,000, peak RSS the same.
bool commit_populated(ExtentHooks*, void* addr, size_t, size_t offset, size_t length, unsigned) {
  constexpr size_t kMost = (size_t{1} << 20) + 4096;
  if (length <= kMost) madvise(static_cast<char*>(addr) + offset, length, MADV_POPULATE_WRITE);
  return false;  // mapped or not, the pages are usable: they fault in when touched
}
#endif

/// A build's or a check's memory settings (besides malloc_conf): new memory populated as
/// jemalloc starts to use it (commit_populated).
void build_memory_settings() {
#ifdef FIREFLY_JEMALLOC
  size_t size = sizeof default_extent_hooks;
  if (mallctl("arena.0.extent_hooks", &default_extent_hooks, &size, nullptr, 0) != 0) return;
  populating_hooks = *default_extent_hooks;
  populating_hooks.alloc = alloc_uncommitted;
  populating_hooks.commit = commit_populated;
  ExtentHooks* hooks = &populating_hooks;
  mallctl("arena.0.extent_hooks", nullptr, nullptr, &hooks, sizeof hooks);
#endif
}

}  // namespace

#ifdef FIREFLY_JEMALLOC

/// calloc as malloc and memset. jemalloc zeroes a reused block by handing its pages back
/// to the system (madvise), so they fault in again when touched, and every other core's
/// TLB is flushed; libvips asks for every pixel buffer zeroed. A block jemalloc reuses is
/// in memory already, where memset is cheaper: a cold photo build took half the CPU.
/// (mallocx, jemalloc's malloc: the compiler would turn malloc and memset back into calloc.)
extern "C" void* mallocx(size_t size, int flags);
extern "C" void* calloc(size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) return nullptr;
  void* p = mallocx(count * size == 0 ? 1 : count * size, 0);
  if (p) std::memset(p, 0, count * size);
  return p;
}
#endif

namespace {

constexpr const char* kOutOfMemory =
    "firefly: out of memory: the system gave Firefly less memory than this needed (a very "
    "large file, or a limit such as ulimit -v), and it stopped";

int run_build_command(const firefly::BuildOptions& options, const std::string& format,
                      bool strict) {
  firefly::Diagnostics diags;
  firefly::BuildResult result = firefly::run_build(options, diags);
  firefly::print_diagnostics(diags, options.site_dir, format, std::cerr);
  if (result.exit_code == 0 && strict && diags.warning_count() > 0) result.exit_code = 1;
  if (!options.write && format == "json") {
    std::cout << firefly::check_json(result, diags, options.site_dir) << "\n";
    return result.exit_code;
  }
  if (result.exit_code != 0) {
    std::cerr << firefly::failure_summary(diags, options.write) << "\n";
    return result.exit_code;
  }
  if (!options.write) {
    if (format == "text") {
      for (const std::string& line : result.translation_report) std::cout << line << "\n";
      std::cout << firefly::check_summary(result, diags) << "\n";
    }
  } else if (!options.quiet) {
    std::cout << firefly::build_summary(result, options) << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    CLI::App app{"Firefly: accessible, multilingual static sites for public-sector portals"};
    app.require_subcommand(1);
    firefly::BuildOptions build_options;
    std::string out_dir;

    auto* build = app.add_subcommand("build", "Build the site into the output folder");
    build->add_option("--site", build_options.site_dir, "Site folder (default: .)");
    build->add_option("--out", out_dir, "Output folder (default: <site>/public)");
    build->add_option("--jobs,-j", build_options.jobs, "Threads (default: all cores)")
        ->check(CLI::Range(1, 256));
    build->add_flag("--drafts", build_options.drafts, "Include drafts and future pages");
    build->add_option("--base-url", build_options.base_url, "Override base_url of site.yaml");
    build->add_flag("--quiet,-q", build_options.quiet,
                    "Print only errors and warnings, not the closing summary");
    build->add_flag("--force", build_options.force,
                    "Replace an --out folder that is not empty and was not made by Firefly");
    build->add_flag("--cms-local", build_options.cms_local_backend,
                    "/admin/ edits this folder through Decap's local backend (decap-server)");

    std::string format = "text";
    bool strict = false;
    firefly::BuildOptions check_options;
    auto* check = app.add_subcommand("check", "Validate everything, write nothing");
    check->add_option("--site", check_options.site_dir, "Site folder (default: .)");
    check->add_option("--format", format, "text, json or github")
        ->check(CLI::IsMember({"text", "json", "github"}));
    check->add_flag("--strict", strict, "Fail on warnings too");

    firefly::NewPageOptions new_options;
    auto* make = app.add_subcommand("new", "Create a content file from the collection's schema");
    make->add_option("collection", new_options.collection, "Collection, e.g. stories")->required();
    make->add_option("slug", new_options.slug, "File name, e.g. nantou-roses")->required();
    make->add_option("--lang", new_options.lang, "Language code (default: the site's first)");
    make->add_option("--site", new_options.site_dir, "Site folder (default: .)");

    firefly::ServeOptions serve_options;
    auto* serve = app.add_subcommand("serve", "Preview the site with live reload");
    serve->add_option("--site", serve_options.site_dir, "Site folder (default: .)");
    serve->add_option("--bind", serve_options.bind, "Address to listen on (default: 127.0.0.1)");
    serve->add_option("--port", serve_options.port, "Port (default: 1313; 0: any free port)")
        ->check(CLI::Range(0, 65535));
    serve->add_flag("--drafts,!--no-drafts", serve_options.drafts,
                    "Show drafts and future pages (default: on)");

    firefly::InitOptions init_options;
    auto* init = app.add_subcommand("init", "Start a new site in an empty folder");
    init->add_option("dir", init_options.dir, "The new site's folder")->required();
    init->add_option("--lang", init_options.lang,
                     "Its language (default: asked on a terminal, else zh-TW)");

    auto* version = app.add_subcommand("version", "Print the version");

    // A misspelt command or option: said with the closest one, as for a misspelt field.
    auto subcommand = [&](const std::string& name) -> CLI::App* {
      for (CLI::App* sub : app.get_subcommands({})) {
        if (sub->get_name() == name) return sub;
      }
      return nullptr;
    };
    if (argc > 1 && argv[1][0] != '-' && !subcommand(argv[1])) {
      std::vector<std::string> names;
      for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
      std::string guess = firefly::did_you_mean(argv[1], names);
      std::cerr << "firefly: error: '" << argv[1] << "' is not a command"
                << (guess.empty() ? "" : "; did you mean '" + guess + "'?") << "\n"
                << "the commands: build, check, serve, new, init, version (firefly --help)\n";
      return 2;
    }
    // `--out=$DIR` with DIR unset: the option took the next argument as its value, and
    // `build --out= --quiet` published into a folder named --quiet.
    for (int i = 2; i < argc; ++i) {
      const std::string_view arg = argv[i];
      if (arg == "--") break;
      if (arg.size() > 3 && arg.starts_with("--") && arg.ends_with('=')) {
        std::cerr << "firefly: error: " << arg << " has no value after '=' (an empty variable?)\n"
                  << "    = help: write its value after '=', or leave out "
                  << arg.substr(0, arg.size() - 1) << " for its default\n";
        return 2;
      }
    }
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      int code = app.exit(e);
      if (code != 0 && argc > 1) {
        if (CLI::App* sub = subcommand(argv[1])) {
          std::vector<std::string> options;
          for (const CLI::Option* o : sub->get_options()) {
            for (const std::string& name : o->get_lnames()) options.push_back("--" + name);
          }
          for (int i = 2; i < argc; ++i) {
            std::string arg = argv[i];
            arg = arg.substr(0, arg.find('='));
            if (arg.rfind("--", 0) != 0 ||
                std::find(options.begin(), options.end(), arg) != options.end()) {
              continue;
            }
            std::string guess = firefly::did_you_mean(arg, options);
            if (!guess.empty()) {
              std::cerr << arg << ": did you mean " << guess << "?\n";
              continue;
            }
            // An option of another command: `build --format json` meant `check`.
            for (const CLI::App* other : app.get_subcommands({})) {
              if (other == sub) continue;
              for (const CLI::Option* o : other->get_options()) {
                const auto names = o->get_lnames();
                if (std::find(names.begin(), names.end(), arg.substr(2)) == names.end()) continue;
                std::cerr << arg << " is an option of `firefly " << other->get_name()
                          << "`, not of `firefly " << sub->get_name() << "`\n";
              }
            }
          }
          // A command without its words: say what they are, as the usage line does.
          const std::string name = sub->get_name();
          const char* usage =
              name == "new"
                  ? "usage: firefly new <collection> <file name>, e.g. firefly new stories "
                    "nantou-roses"
              : name == "init" ? "usage: firefly init <folder> [--lang CODE], e.g. firefly init "
                                 "portal --lang en"
                               : nullptr;
          if (dynamic_cast<const CLI::RequiredError*>(&e) && usage) {
            // `firefly new stories -a`, `firefly init -x`: the word was taken for an option,
            // and "slug is required" alone does not say so.
            for (int i = 2; i < argc; ++i) {
              const std::string arg = argv[i];
              const std::string before = i > 2 ? argv[i - 1] : "";
              if (arg.size() < 2 || arg[0] != '-' || arg == "--" ||
                  std::find(options.begin(), options.end(), arg.substr(0, arg.find('='))) !=
                      options.end() ||
                  before == "--lang" || before == "--site") {
                continue;
              }
              const std::string like = arg.substr(arg.find_first_not_of('-') == std::string::npos
                                                      ? arg.size()
                                                      : arg.find_first_not_of('-'));
              std::cerr << "'" << arg << "' was read as an option, and `firefly " << name
                        << "` has none by that name; ";
              if (name == "new") {
                // No page's name starts with '-' anyway.
                std::cerr << "a page's file name cannot start with '-'"
                          << (like.empty() ? "" : " (write '" + like + "')") << "\n";
              } else {
                std::cerr << "for a folder of that name, write './" << arg << "'\n";
              }
            }
            std::cerr << usage << "\n";
          }
        }
      }
      return code == 0 ? 0 : 2;
    }

    // `--site "$SITE"` with SITE unset was the current folder, `--out ""` the default one.
    for (const CLI::App* sub : app.get_subcommands()) {
      for (const CLI::Option* o : sub->get_options()) {
        const std::vector<std::string>& given = o->results();
        if (o->get_positional() || o->get_type_size() == 0 || o->get_lnames().empty() ||
            std::find(given.begin(), given.end(), "") == given.end()) {
          continue;
        }
        const std::string name = "--" + o->get_lnames().front();
        std::cerr << "firefly: error: " << name << " is empty (an empty variable?)\n"
                  << "    = help: leave out " << name << " for its default, or write its value"
                  << (name == "--site" ? ", e.g. --site ." : "") << "\n";
        return 2;
      }
    }
    if (*version) {
      std::cout << "firefly " FIREFLY_VERSION_STRING "\n";
      return 0;
    }
    if (*build) {
      if (!out_dir.empty()) build_options.out_dir = out_dir;
      build_options.ends_process = true;
      build_memory_settings();
      firefly::remove_temporaries_on_interrupt();
      return run_build_command(build_options, "text", false);
    }
    if (*check) {
      build_memory_settings();
      check_options.write = false;
      check_options.quiet = true;
      return run_build_command(check_options, format, strict);
    }
    if (*make) return firefly::run_new_page(new_options, std::cout, std::cerr);
    if (*init) {
      init_options.interactive = isatty(STDIN_FILENO) != 0;
      return firefly::run_init(init_options, std::cin, std::cout, std::cerr);
    }
    if (*serve) {
      serve_memory_settings();
      return firefly::run_serve(serve_options, std::cout, std::cerr);
    }
    return 2;
  } catch (const std::bad_alloc&) {
    // On any thread of a build (core/parallel.h brings a worker's here): a message and
    // exit 3, not an abort.
    std::cerr << kOutOfMemory << "\n";
    return 3;
  } catch (const std::system_error& e) {
    // No memory for one more thread's stack (EAGAIN) is the same shortage.
    if (e.code() == std::errc::resource_unavailable_try_again ||
        e.code() == std::errc::not_enough_memory) {
      std::cerr << kOutOfMemory << " (" << e.what() << ")\n";
      return 3;
    }
    std::cerr << "firefly: internal error (a bug in Firefly, not in your site): " << e.what()
              << "\n";
    return 3;
  } catch (const firefly::InternalError& e) {
    std::cerr << "firefly: internal error (a bug in Firefly, not in your site): " << e.what()
              << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "firefly: internal error (a bug in Firefly, not in your site): " << e.what()
              << "\n";
    return 3;
  }
}
