// What serve mode adds to pages: the live-reload script and the build-error page.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace firefly {

/// The URL path of the server-sent events stream that tells pages to reload.
inline constexpr std::string_view kEventsPath = "/__firefly/events";

/// The <script> that reloads the page when the site was rebuilt after `generation`. It
/// names the page it is on (`path`), which an update renders first.
std::string reload_script(std::uint64_t generation);

/// `html` with the reload script inserted before the last </body> (appended if none).
std::string inject_reload_script(std::string_view html, std::uint64_t generation);

/// A whole accessible HTML page (lang, title, role="alert") showing `errors`, the
/// formatted build errors, in a <pre>; it reloads itself once the site builds again. Its
/// words are in `lang` (the site's default language code) and in English; English alone
/// when `lang` is "" or a language it has no words for.
std::string error_overlay_page(std::string_view errors, std::uint64_t generation,
                               std::string_view lang = "");

}  // namespace firefly
