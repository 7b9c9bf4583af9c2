// `firefly serve`: build in memory, serve on a local address, rebuild and reload on change.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

namespace firefly {

/// Options of `firefly serve`.
struct ServeOptions {
  std::filesystem::path site_dir = ".";
  std::string bind = "127.0.0.1";
  int port = 1313;     ///< 0: any free port
  bool drafts = true;  ///< show drafts and pages whose publish_at is in the future
  int jobs = 0;        ///< build threads, 0: all cores
};

/// The address pages are previewed at, e.g. "http://127.0.0.1:1313/" (IPv6 in brackets,
/// a wildcard bind shown as localhost).
std::string preview_url(const std::string& bind, int port);

/// Serves the site until SIGINT or SIGTERM. Returns the exit code: 0 after a signal,
/// 2 when the site folder has no site.yaml or the address cannot be bound.
int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace firefly
