#include "serve/bounded_server.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace firefly {

namespace {

using Clock = std::chrono::steady_clock;

/// A connection's socket as httplib reads and writes it, counting the lines and bytes of
/// each request's head and refusing to read past HeadLimits (read() fails, as on a
/// connection closed: httplib then answers 400 and closes it).
class BoundedStream final : public httplib::Stream {
 public:
  BoundedStream(socket_t sock, const HeadLimits& limits, std::chrono::milliseconds read_timeout,
                std::chrono::milliseconds write_timeout)
      : sock_(sock), limits_(limits), read_timeout_(read_timeout), write_timeout_(write_timeout) {}

  /// Waits up to `idle` for a request to begin; false when none did.
  bool wait_for_request(std::chrono::milliseconds idle) const {
    return next_ < filled_ || wait(POLLIN, idle);
  }

  /// The bounds start again, for the request that has begun.
  void start_request() {
    lines_ = bytes_ = line_bytes_ = 0;
    in_head_ = true;
    last_was_cr_ = false;
    deadline_ = Clock::now() + limits_.time;
  }

  bool is_readable() const override { return next_ < filled_ || wait(POLLIN, read_timeout_); }
  bool is_writable() const override { return wait(POLLOUT, write_timeout_); }

  ssize_t read(char* ptr, size_t size) override {
    if (size == 0) return 0;
    if (next_ == filled_) {
      // The time for the request runs from its first byte: a slow client cannot hold the
      // connection by sending a byte just within each read timeout.
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
      if (left.count() <= 0 || !wait(POLLIN, std::min(left, read_timeout_))) return -1;
      ssize_t n;
      do {
        n = ::recv(sock_, buffer_, sizeof buffer_, 0);
      } while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      next_ = 0;
      filled_ = static_cast<size_t>(n);
    }
    if (in_head_ && lines_ > 0 && line_bytes_ == 0) hide_unreadable_range();
    size_t n = std::min(size, filled_ - next_);
    for (size_t i = 0; i < n && in_head_; ++i) {
      if (!count_head_byte(buffer_[next_ + i])) return -1;
    }
    std::memcpy(ptr, buffer_ + next_, n);
    next_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do {
      n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      address(addr, len, ip, port);
    }
  }

  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      address(addr, len, ip, port);
    }
  }

  socket_t socket() const override { return sock_; }

 private:
  /// At the start of a header line: a Range header httplib cannot read ("bytes=abc",
  /// "bytes=9-0") or that gives no number ("bytes=-") is renamed out of its sight (Xange).
  /// httplib 0.11 answered it 416; RFC 9110 (14.2) has a server ignore a Range it cannot
  /// read and send the whole file. httplib reads the head a byte at a time, so each header
  /// line starts a read.
  void hide_unreadable_range() {
    constexpr std::string_view kName = "range:";
    auto line_end = [&] {
      return static_cast<const char*>(std::memchr(buffer_ + next_, '\n', filled_ - next_));
    };
    if (filled_ - next_ < kName.size() && !fill_line()) return;
    for (size_t i = 0; i < kName.size(); ++i) {
      if (next_ + i >= filled_ ||
          std::tolower(static_cast<unsigned char>(buffer_[next_ + i])) != kName[i]) {
        return;
      }
    }
    if (!line_end() && !fill_line()) return;  // longer than the buffer: httplib decides
    const char* end = line_end();
    std::string_view value(buffer_ + next_ + kName.size(), end - (buffer_ + next_ + kName.size()));
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
      value.remove_prefix(1);
    }
    while (!value.empty() &&
           (value.back() == '\r' || value.back() == ' ' || value.back() == '\t')) {
      value.remove_suffix(1);
    }
    httplib::Ranges ranges;
    bool readable = httplib::detail::parse_range_header(std::string(value), ranges);
    for (const httplib::Range& r : ranges) {
      readable = readable && (r.first >= 0 || r.second >= 0);  // "bytes=-" has no number
    }
    if (!readable) buffer_[next_] = 'X';
  }

  /// Moves the unread bytes to the front of the buffer and reads more, until they hold a
  /// whole line or the buffer is full; false when no line end came (or the time is up).
  bool fill_line() {
    std::memmove(buffer_, buffer_ + next_, filled_ - next_);
    filled_ -= next_;
    next_ = 0;
    while (!std::memchr(buffer_, '\n', filled_) && filled_ < sizeof buffer_) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
      if (left.count() <= 0 || !wait(POLLIN, std::min(left, read_timeout_))) return false;
      ssize_t n;
      do {
        n = ::recv(sock_, buffer_ + filled_, sizeof buffer_ - filled_, 0);
      } while (n < 0 && errno == EINTR);
      if (n <= 0) return false;
      filled_ += static_cast<size_t>(n);
    }
    return std::memchr(buffer_, '\n', filled_) != nullptr;
  }

  /// Counts one byte of the head; false past a limit. The head ends at its first empty
  /// line ("\r\n", as httplib reads it) after the request line.
  bool count_head_byte(char c) {
    if (++bytes_ > limits_.bytes) return false;
    if (c != '\n') {
      ++line_bytes_;
      last_was_cr_ = c == '\r';
      return true;
    }
    ++lines_;
    const bool empty = line_bytes_ == 1 && last_was_cr_;
    line_bytes_ = 0;
    last_was_cr_ = false;
    if (lines_ > 1 && empty) {
      in_head_ = false;
      return true;
    }
    return lines_ <= limits_.lines;
  }

  bool wait(short events, std::chrono::milliseconds timeout) const {
    pollfd p{sock_, events, 0};
    int r;
    do {
      r = ::poll(&p, 1, static_cast<int>(timeout.count()));
    } while (r < 0 && errno == EINTR);
    return r > 0 && (p.revents & (events | POLLHUP)) != 0;
  }

  static void address(const sockaddr_storage& addr, socklen_t len, std::string& ip, int& port) {
    char host[NI_MAXHOST], serv[NI_MAXSERV];
    if (::getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, host, sizeof host, serv,
                      sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
      ip = host;
      port = std::atoi(serv);
    }
  }

  socket_t sock_;
  const HeadLimits& limits_;
  std::chrono::milliseconds read_timeout_, write_timeout_;
  char buffer_[4096];
  size_t next_ = 0, filled_ = 0;
  size_t lines_ = 0, bytes_ = 0, line_bytes_ = 0;
  bool in_head_ = false, last_was_cr_ = false;
  Clock::time_point deadline_;
};

std::chrono::milliseconds to_ms(time_t sec, time_t usec) {
  return std::chrono::milliseconds(sec * 1000 + usec / 1000);
}

}  // namespace

bool BoundedServer::process_and_close_socket(socket_t sock) {
  BoundedStream stream(sock, limits_, to_ms(read_timeout_sec_, read_timeout_usec_),
                       to_ms(write_timeout_sec_, write_timeout_usec_));
  bool ok = false;
  // As httplib's own loop: up to keep_alive_max_count_ requests on a connection, each
  // begun within the keep-alive timeout, while the server runs.
  for (size_t left = keep_alive_max_count_; left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
    if (!stream.wait_for_request(to_ms(keep_alive_timeout_sec_, 0))) break;
    stream.start_request();
    bool closed = false;
    ok = process_request(stream, left == 1, closed, nullptr);
    if (!ok || closed) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace firefly
