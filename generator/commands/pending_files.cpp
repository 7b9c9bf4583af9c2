#include "commands/pending_files.h"

#include <algorithm>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "commands/build_state.h"
#include "commands/site_files_refresh.h"
#include "commands/step_timer.h"
#include "core/parallel.h"
#include "render/pages.h"
#include "render/site_paths.h"

namespace firefly {

std::vector<std::string> pending_paths(const BuildState& state) {
  std::vector<std::string> paths;
  if (!state.pending) return paths;
  const PendingFiles& pending = *state.pending;
  paths.reserve(pending.site_file_paths.size() + pending.pages.size());
  paths.insert(paths.end(), pending.site_file_paths.begin(), pending.site_file_paths.end());
  for (const PendingPage& p : pending.pages) paths.push_back(state.site->pages[p.index]->out_path);
  std::sort(paths.begin(), paths.end());
  return paths;
}

PendingMade make_pending_files(BuildState& state, Diagnostics& diags) {
  PendingMade made;
  if (!state.pending) return made;
  std::unique_ptr<PendingFiles> pending = std::move(state.pending);
  std::mutex made_mu;
  // The site files on a thread beside the pages: they write `state.outputs` and
  // `state.site_files`, the pages each their own `state.page_outputs` entry.
  // Joined before this returns or throws (a std::jthread).
  std::exception_ptr site_files_failed;
  std::jthread site_files;
  if (pending->site_files) {
    site_files = std::jthread([&] {
      try {
        OutputSet files = make_pending_site_files(state, *pending);
        std::lock_guard lock(made_mu);
        for (OutputFile& f : files) made.files.push_back(std::move(f));
      } catch (...) {
        site_files_failed = std::current_exception();
      }
    });
  }
  StepTimer timer;
  const Site& site = *state.site;
  SitePaths site_paths(*state.config);
  parallel_for(pending->pages.size(), state.jobs, [&](size_t k) {
    const PendingPage& p = pending->pages[k];
    ReadSet reads;
    std::optional<OutputFile> file =
        render_page_recorded(site, *state.theme, *state.contexts, p.index, reads, diags);
    OutputRecord& record = state.page_outputs[p.index];  // this page's alone
    if (!file) {
      record = OutputRecord();
      return;
    }
    site_paths.apply(*file);
    record.bytes = output_print(*file);
    record.reads = std::make_shared<const ReadSet>(std::move(reads));
    if (p.bytes_before == record.bytes) return;
    std::lock_guard lock(made_mu);
    made.files.push_back(std::move(*file));
  });
  made.pages_rendered = pending->pages.size();
  timer.step("  pages left");
  if (site_files.joinable()) site_files.join();
  timer.step("  wait for site files");
  if (site_files_failed) std::rethrow_exception(site_files_failed);
  return made;
}

}  // namespace firefly
