#include "serve/server.h"

#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "serve/bounded_server.h"
#include "serve/overlay.h"
#include "serve/paths.h"

namespace firefly {

namespace {

constexpr std::chrono::seconds kKeepAlive{15};
constexpr size_t kMaxConnections = 1024;
constexpr size_t kMaxRequestBody = 64 * 1024;

/// One thread per connection, up to kMaxConnections at once. An open tab's reload stream
/// waits on its own thread, so however many tabs are open, a page request never waits
/// for a worker that a stream holds.
class ConnectionThreads : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return running_ < kMaxConnections; });
    ++running_;
    lock.unlock();
    std::thread([this, fn = std::move(fn)] {
      fn();
      std::lock_guard done(mu_);
      --running_;
      room_.notify_all();
    }).detach();
  }
  void shutdown() override {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return running_ == 0; });
  }

 private:
  std::mutex mu_;
  std::condition_variable room_;
  size_t running_ = 0;
};

/// The `since` parameter of an events request, or nullopt.
std::optional<std::uint64_t> since_param(const httplib::Request& req) {
  if (!req.has_param("since")) return std::nullopt;
  std::string v = req.get_param_value("since");
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return n;
}

}  // namespace

struct PreviewServer::Impl {
  explicit Impl(PreviewSite& s) : site(s) {}
  PreviewSite& site;
  BoundedServer http;  // a request's head is bounded (httplib 0.11 bounds only each line)
  std::thread thread;
  std::string bind;
  int port = 0;
  bool started = false;
};

PreviewServer::PreviewServer(PreviewSite& site) : impl_(std::make_unique<Impl>(site)) {
  BoundedServer& http = impl_->http;
  PreviewSite& s = site;
  http.new_task_queue = [] { return new ConnectionThreads(); };
  // Only requests that name this server: a web page elsewhere must not read the preview
  // (drafts and embargoed pages included) through a name pointed at this machine.
  Impl* impl = impl_.get();
  // The preview takes no request bodies: httplib kept any body in memory whole, so one
  // POST of gigabytes (from any page open in a browser) took as much.
  http.set_payload_max_length(kMaxRequestBody);
  http.set_pre_routing_handler([impl](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "GET" && req.method != "HEAD") {
      res.status = 405;
      res.set_header("Allow", "GET, HEAD");
      res.set_content("405 method not allowed: the preview only answers GET\n",
                      "text/plain; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (is_allowed_host(req.get_header_value("Host"), impl->bind, impl->port)) {
      // Several byte ranges are answered with the whole file (as HTTP allows): httplib
      // 0.11 puts every range in one reply in memory, and "Range: bytes=0-,0-,..." (2,600
      // in a header) made a 1 MB download 2.6 GB. The search page asks for one range.
      // The request is the server's own, not const; its handlers only read it.
      if (req.ranges.size() > 1) const_cast<httplib::Request&>(req).ranges.clear();
      return httplib::Server::HandlerResponse::Unhandled;
    }
    res.status = 421;
    res.set_content("421 misdirected request: this preview answers only to localhost\n",
                    "text/plain; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });
  // Idle connections hold a worker until they time out, and stop() waits for every worker:
  // short timeouts keep Ctrl+C prompt (browsers simply reconnect).
  http.set_keep_alive_timeout(1);
  http.set_read_timeout(2, 0);

  // Server-sent events: "reload" whenever the site was rebuilt since the page was served.
  http.Get(std::string(kEventsPath), [&s](const httplib::Request& req, httplib::Response& res) {
    std::uint64_t now = s.generation();
    std::optional<std::uint64_t> since = since_param(req);
    // A page from another build (or another server run) reloads at once.
    auto seen = std::make_shared<std::uint64_t>(since && *since != now ? *since : now);
    auto reload_now = std::make_shared<bool>(since && *since != now);
    auto greeted = std::make_shared<bool>(false);
    // The page the stream belongs to ("path", its location.pathname) is rendered first
    // after an edit, while the stream is open.
    std::string open_page = req.has_param("path") ? req.get_param_value("path") : "";
    if (!open_page.empty()) s.page_opened(open_page);
    res.set_header("Cache-Control", "no-store");
    res.set_chunked_content_provider(
        "text/event-stream",
        [&s, seen, reload_now, greeted](size_t, httplib::DataSink& sink) {
          std::string msg;
          if (!*greeted) {
            *greeted = true;
            msg = "retry: 1000\n: connected\n\n";
          }
          if (*reload_now) {
            *reload_now = false;
            *seen = s.generation();
            msg += "event: reload\ndata: " + std::to_string(*seen) + "\n\n";
          }
          if (msg.empty()) {
            std::uint64_t g = s.wait_for_change(*seen, kKeepAlive);
            if (s.stopped()) {
              sink.done();
              return true;
            }
            if (g != *seen) {
              *seen = g;
              msg = "event: reload\ndata: " + std::to_string(g) + "\n\n";
            } else {
              msg = ": keep-alive\n\n";
            }
          }
          return sink.write(msg.data(), msg.size());
        },
        [&s, open_page](bool) {
          if (!open_page.empty()) s.page_closed(open_page);
        });
  });

  // Everything else comes from the in-memory build. req.target is the raw request path,
  // before httplib decoded it, so encoded dots and slashes are still visible.
  http.Get(R"([\s\S]*)", [&s](const httplib::Request& req, httplib::Response& res) {
    PreviewReply reply = s.get(req.target);
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    // A file found answers a byte range (the search page reads its results' texts so):
    // httplib cuts the range and says 206 when the status is left to it. A range past the
    // end is cut to it here, and one with no byte of the reply is answered 416: httplib
    // 0.11 said 206 and a length ("bytes=5000-6000" of a 1000-byte file: 1001) that it
    // never sent, and the client waited for it.
    if (reply.status == 200 && req.ranges.size() == 1) {
      const long long size =
          static_cast<long long>(reply.file ? reply.file->size : reply.body.size());
      auto& asked = const_cast<httplib::Request&>(req).ranges;  // the server's own request
      std::optional<ByteRange> range = range_within({asked[0].first, asked[0].second}, size);
      if (!range) {
        asked.clear();
        res.status = 416;
        res.set_header("Content-Range", "bytes */" + std::to_string(size));
        return;
      }
      asked[0] = {range->first, range->last};
    }
    if (reply.status != 200 || req.ranges.empty()) res.status = reply.status;
    if (!reply.location.empty()) res.set_header("Location", reply.location);
    if (reply.file && reply.file->size > 0) {
      // Read as it is sent, a range at a time (httplib cuts a byte range from it too).
      res.set_content_provider(
          reply.file->size, reply.content_type,
          [file = reply.file](size_t offset, size_t length, httplib::DataSink& sink) {
            char buffer[64 * 1024];
            ssize_t got = ::pread(file->fd, buffer, std::min(length, sizeof buffer),
                                  static_cast<off_t>(offset));
            // A file cut short meanwhile ends the reply (its length was said).
            return got > 0 && sink.write(buffer, static_cast<size_t>(got));
          });
      return;
    }
    res.set_content(std::move(reply.body), reply.content_type.c_str());
  });

  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content("500 internal error in the preview server\n", "text/plain; charset=utf-8");
      });
}

PreviewServer::~PreviewServer() { stop(); }

bool PreviewServer::bind(const std::string& host, int port, std::string& error) {
  impl_->bind = host;
  if (port == 0) {
    impl_->port = impl_->http.bind_to_any_port(host);
  } else if (impl_->http.bind_to_port(host, port)) {
    impl_->port = port;
  } else {
    impl_->port = -1;
  }
  if (impl_->port <= 0) {
    error = "cannot listen on " + host + ":" + std::to_string(port) +
            " (is another server using that port? try --port)";
    return false;
  }
  return true;
}

int PreviewServer::port() const { return impl_->port; }

void PreviewServer::start() {
  if (impl_->started) return;
  impl_->started = true;
  impl_->thread = std::thread([this] { impl_->http.listen_after_bind(); });
  // stop() only reaches a server that is already running: wait (briefly) until it is.
  for (int i = 0; i < 500 && !impl_->http.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

void PreviewServer::stop() {
  impl_->site.stop();
  impl_->http.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace firefly
