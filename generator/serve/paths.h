// Request paths of the preview server: normalising untrusted request targets, and the
// Content-Type of each published file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace firefly {

/// Turns a raw request target ("/en/stories/?x=1") into an output-relative path
/// ("en/stories/"), or nullopt (answer 400) for targets with `..` or `.` segments,
/// encoded dots, slashes or backslashes (%2e, %2f, %5c), bad escapes, or control bytes.
/// The root is "", a directory path keeps its trailing '/'.
std::optional<std::string> normalise_request_path(std::string_view target);

/// True when a request's Host header names this server: localhost, 127.0.0.1 or [::1], or
/// the address it is bound to, with its port. When bound to every address (0.0.0.0, ::),
/// any IP address is accepted too, but never a domain name: a page on another site cannot
/// reach the preview by pointing its own name at this machine (DNS rebinding).
bool is_allowed_host(std::string_view host_header, std::string_view bind, int port);

/// A byte range a request asks for, as httplib reads "Range: bytes=first-last" (-1 where
/// a bound is not written: "500-" and the last 500 bytes, "-500").
struct ByteRange {
  long long first = -1;
  long long last = -1;
};

/// The range of a reply of `size` bytes that `asked` stands for, its last byte at most
/// the reply's last ("bytes=0-99999" of a 1000-byte file is 0-999); nullopt when no byte
/// of the reply is in it (the answer is 416: "bytes=5000-6000" of a 1000-byte file).
std::optional<ByteRange> range_within(ByteRange asked, long long size);

/// The Content-Type for an output path, by extension ("text/html; charset=utf-8").
std::string content_type_for(std::string_view path);

/// True when `content_type` is HTML (the responses that get the reload script).
bool is_html_type(std::string_view content_type);

}  // namespace firefly
