#include "commands/build.h"

#include <chrono>

#include "commands/build_run.h"
#include "commands/step_timer.h"
#include "emit/output_folder.h"
#include "emit/photo_cache.h"

namespace firefly {

bool BuildRun::out() {
  if (options_.write &&
      !check_output_folder(options_.site_dir, out_dir(), options_.force, diags_)) {
    result_.exit_code = 2;
    return false;
  }
  return true;
}

bool BuildRun::publish() {
  if (writer_) {
    PublishStats stats;
    if (!writer_->commit(&stats)) {
      result_.exit_code = 1;
      return false;
    }
    result_.written = stats.written;
    st_.photo_cache->finish();
  } else if (!options_.keep_state && !check_unique_paths(result_.output, diags_)) {
    result_.exit_code = 1;
    return false;
  }
  if (options_.keep_state) result_.state = std::move(state_);
  return true;
}

namespace {

/// The steps of every build, in order; `check` and `serve` run them too (without writing).
struct Step {
  const char* name;
  bool (BuildRun::*run)();
};
constexpr Step kSteps[] = {{"out", &BuildRun::out},       {"load", &BuildRun::load},
                           {"model", &BuildRun::model},   {"check", &BuildRun::check},
                           {"render", &BuildRun::render}, {"publish", &BuildRun::publish}};

}  // namespace

/// Runs the steps of a build (an update with `previous`).
static BuildResult run_steps(const BuildOptions& options, Diagnostics& diags,
                             const BuildState* previous,
                             const std::vector<std::string>* changed = nullptr) {
  auto start = std::chrono::steady_clock::now();
  BuildRun run(options, diags, previous, changed);
  StepTimer timer;
  for (const Step& step : kSteps) {
    bool go_on = (run.*step.run)();
    timer.step(step.name);
    if (!go_on) break;
  }
  BuildResult& result = run.result();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return std::move(result);
}

BuildResult run_build(const BuildOptions& options, Diagnostics& diags) {
  return run_steps(options, diags, nullptr);
}

BuildResult run_update(const BuildState& previous, Diagnostics& diags,
                       const std::vector<std::string>* changed) {
  return run_steps(previous.options, diags, &previous, changed);
}

}  // namespace firefly
