// The HTTP side of `firefly serve`: answers requests from a PreviewSite and streams
// reload events. The only place that includes cpp-httplib.
#pragma once

#include <memory>
#include <string>

#include "serve/preview.h"

namespace firefly {

/// An HTTP server over a PreviewSite, listening on one address on a background thread.
class PreviewServer {
 public:
  /// A server that shows `site` (which must outlive it).
  explicit PreviewServer(PreviewSite& site);
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  /// Binds `host`:`port` (0: any free port); false with `error` set when it cannot.
  bool bind(const std::string& host, int port, std::string& error);
  /// The port bound to.
  int port() const;
  /// Starts answering requests on a background thread.
  void start();
  /// Ends the event streams, stops listening and waits for the thread. Idempotent.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace firefly
