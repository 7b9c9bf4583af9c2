#include "core/interrupt.h"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace firefly {

namespace fs = std::filesystem;

namespace {

std::atomic<bool> g_interrupted{false};
std::atomic<int> g_writing{0};  // writers between begin_write() and end_write()

std::mutex& registry_mutex() {
  static std::mutex mu;
  return mu;
}

std::vector<fs::path>& registry() {
  static std::vector<fs::path> folders;
  return folders;
}

sigset_t interrupt_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

}  // namespace

void remove_temporaries_on_interrupt() {
  sigset_t set = interrupt_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([set] {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) return;
    {
      std::lock_guard lock(registry_mutex());
      g_interrupted = true;
      // Writers check the flag as they start a file; let those past it finish (briefly).
      for (int i = 0; i < 500 && g_writing > 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      for (const fs::path& folder : registry()) {
        std::error_code ec;
        for (int attempt = 0; attempt < 50 && fs::exists(folder, ec); ++attempt) {
          fs::remove_all(folder, ec);
          if (fs::exists(folder, ec)) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
      }
      registry().clear();
      // Die of the signal itself, so the caller sees how the build ended.
      signal(sig, SIG_DFL);
      pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
      raise(sig);
    }
  }).detach();
}

bool begin_write() {
  ++g_writing;
  if (!g_interrupted) return true;
  --g_writing;
  return false;
}

void end_write() { --g_writing; }

InterruptCleanup::InterruptCleanup(fs::path folder) : folder_(std::move(folder)) {
  std::lock_guard lock(registry_mutex());
  registry().push_back(folder_);
}

InterruptCleanup::~InterruptCleanup() {
  std::lock_guard lock(registry_mutex());
  auto& folders = registry();
  folders.erase(std::remove(folders.begin(), folders.end(), folder_), folders.end());
}

std::unique_lock<std::mutex> InterruptCleanup::hold() {
  return std::unique_lock<std::mutex>(registry_mutex());
}

}  // namespace firefly
