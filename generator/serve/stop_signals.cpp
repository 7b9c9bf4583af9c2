#include "serve/stop_signals.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace firefly {

StopSignals::StopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, &old_);
  fd_ = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
  std::signal(SIGPIPE, SIG_IGN);
}

StopSignals::~StopSignals() {
  // Take the signal that stopped us, so unblocking does not deliver it again.
  signalfd_siginfo info;
  while (fd_ >= 0 && ::read(fd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
  }
  if (fd_ >= 0) ::close(fd_);
  pthread_sigmask(SIG_SETMASK, &old_, nullptr);
}

void StopSignals::wait() const {
  pollfd p{fd_, POLLIN, 0};
  while (::poll(&p, 1, -1) < 0 && errno == EINTR) {
  }
}

ExitOnStop::ExitOnStop(const StopSignals& signals, std::ostream& out) {
  if (::pipe2(done_, O_CLOEXEC) != 0) return;  // then a stop waits for the work, as before
  watch_ = std::thread([fd = signals.fd(), done = done_[0], &out] {
    pollfd p[2] = {{fd, POLLIN, 0}, {done, POLLIN, 0}};
    while (::poll(p, 2, -1) < 0 && errno == EINTR) {
    }
    if (p[1].revents != 0 || (p[0].revents & POLLIN) == 0) return;
    out << "stopped" << std::endl;
    std::_Exit(0);
  });
}

ExitOnStop::~ExitOnStop() {
  if (watch_.joinable()) {
    char c = 0;
    while (::write(done_[1], &c, 1) < 0 && errno == EINTR) {
    }
    watch_.join();
  }
  for (int fd : done_) {
    if (fd >= 0) ::close(fd);
  }
}

}  // namespace firefly
