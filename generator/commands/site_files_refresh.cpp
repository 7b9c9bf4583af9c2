#include "commands/site_files_refresh.h"

#include <optional>
#include <stdexcept>

#include "commands/build_state.h"
#include "commands/step_timer.h"
#include "render/site_files_update.h"
#include "render/site_paths.h"

namespace firefly {

void make_site_files(BuildState& state, const BuildState* before,
                     const std::vector<size_t>& pages_before, const SiteFilesPublish& publish,
                     StepTimer& timer) {
  // Taken over, patched or made again by what they show of the pages
  // (render/site_files_update.h).
  std::optional<SiteFilesBefore> was;
  if (before) {
    was.emplace(SiteFilesBefore{*before->site, before->bodies, before->site_files,
                                before->files.config, pages_before});
  }
  SiteFilesUpdate update(*state.site, state.bodies, state.files.config, was ? &*was : nullptr,
                         state.site_files);
  update.find_prints();
  timer.step("  site file prints");
  {
    OutputSet out;
    std::vector<std::string> taken;
    update.feeds(out, taken);
    publish(out, taken);
  }
  timer.step("  feeds");
  {
    OutputSet out;
    std::vector<std::string> taken;
    update.sitemap(out, taken);
    publish(out, taken);
  }
  timer.step("  sitemap.xml");
}

OutputSet make_pending_site_files(BuildState& state, const PendingFiles& pending) {
  const BuildState& before = *pending.before;
  SitePaths site_paths(*state.config);
  OutputSet changed;
  size_t published = 0;
  // The update recorded each path with the record of the build before (if it had one).
  auto record = [&](const std::string& path) -> OutputRecord& {
    auto it = state.outputs.find(path);
    if (it == state.outputs.end()) {
      throw std::logic_error("site file " + path + " was not among the paths the update checked");
    }
    ++published;
    return it->second;
  };
  SiteFilesPublish publish = [&](OutputSet& made, const std::vector<std::string>& taken) {
    for (const std::string& path : taken) record(path) = before.outputs.at(path);
    for (OutputFile& f : made) {
      site_paths.apply(f);
      std::uint64_t print = output_print(f);
      record(f.path) = OutputRecord{print, nullptr};
      auto was = before.outputs.find(f.path);
      if (was == before.outputs.end() || was->second.bytes != print) {
        changed.push_back(std::move(f));
      }
    }
  };
  StepTimer timer;
  make_site_files(state, &before, pending.pages_before, publish, timer);
  if (published != pending.site_file_paths.size()) {
    throw std::logic_error("the feeds and sitemap.xml are not at the paths the update checked");
  }
  return changed;
}

}  // namespace firefly
