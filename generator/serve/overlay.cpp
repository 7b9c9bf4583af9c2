#include "serve/overlay.h"

#include "core/text.h"

namespace firefly {

namespace {

/// Position of the last "</body" in `html`, case-insensitive, or npos.
size_t last_body_close(std::string_view html) {
  static constexpr std::string_view kTag = "</body";
  if (html.size() < kTag.size()) return std::string_view::npos;
  for (size_t i = html.size() - kTag.size() + 1; i-- > 0;) {
    bool match = true;
    for (size_t k = 0; k < kTag.size() && match; ++k) {
      char c = html[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      match = c == kTag[k];
    }
    if (match) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string reload_script(std::uint64_t generation) {
  return "<script>(function(){var s=new EventSource(\"" + std::string(kEventsPath) +
         "?since=" + std::to_string(generation) +
         "\");s.addEventListener(\"reload\",function(){s.close();location.reload();});})();"
         "</script>";
}

std::string inject_reload_script(std::string_view html, std::uint64_t generation) {
  std::string script = reload_script(generation);
  size_t at = last_body_close(html);
  std::string out;
  out.reserve(html.size() + script.size() + 1);
  if (at == std::string_view::npos) {
    out.append(html);
    out += script;
    out += '\n';
  } else {
    out.append(html.substr(0, at));
    out += script;
    out += '\n';
    out.append(html.substr(at));
  }
  return out;
}

std::string error_overlay_page(std::string_view errors, std::uint64_t generation) {
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Build failed - Firefly preview</title>\n<style>\n"
      "body{margin:0;font:18px/1.7 system-ui,sans-serif;background:#fff;color:#1a1a1a}\n"
      "main{max-width:60rem;margin:2rem auto;padding:0 1rem}\n"
      "h1{color:#a4000f;font-size:1.6rem}\n"
      "pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fdf2f2;color:#1a1a1a;"
      "border-left:6px solid #a4000f;padding:1rem;font:16px/1.5 ui-monospace,monospace}\n"
      "</style>\n</head>\n<body>\n<main>\n<div role=\"alert\">\n"
      "<h1>The site could not be built</h1>\n"
      "<p>Fix the errors below and save the file: this page reloads by itself.</p>\n"
      "<pre>";
  page += html_escape(errors);
  page += "</pre>\n</div>\n</main>\n";
  page += reload_script(generation);
  page += "\n</body>\n</html>\n";
  return page;
}

}  // namespace firefly
