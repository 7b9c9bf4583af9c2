// The preview's HTTP server, with bounds on what a request may send before it is answered.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>

namespace firefly {

/// The bounds on a request's head (its request line and header lines).
struct HeadLimits {
  size_t lines = 100;        ///< lines, the request line included (Apache's 100 fields)
  size_t bytes = 64 * 1024;  ///< bytes of the head
  std::chrono::milliseconds time{10000};  ///< to send the whole request, from its first byte
};

/// An httplib::Server whose connections are read under HeadLimits. Debian's cpp-httplib
/// 0.11.4 keeps every header line of a request in memory with no bound on their number
/// (5 million lines took 515 MB), and a client that sends a byte a second, within the
/// read timeout, held its connection and thread for as long as it liked. A request past a
/// limit is answered 400 (or its connection closed) and the server goes on.
class BoundedServer : public httplib::Server {
 public:
  explicit BoundedServer(HeadLimits limits = {}) : limits_(limits) {}

 private:
  bool process_and_close_socket(socket_t sock) override;
  HeadLimits limits_;
};

}  // namespace firefly
