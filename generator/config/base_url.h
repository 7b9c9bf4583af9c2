// The site's address as staff write it (site.yaml's base_url, --base-url, a CMS's
// api_root): what is wrong with it, and the form pages, feeds and sitemaps publish.
#pragma once

#include <string>
#include <string_view>

namespace firefly {

/// What is wrong with `url` as a base_url ("must be an absolute http:// or https://
/// address"), or "" when it is a usable absolute http(s) address without markup.
std::string base_url_problem(std::string_view url);
/// `url` (a usable base_url) with its scheme and host in lower case (both are
/// case-insensitive) and a Unicode host in its ASCII (IDNA) form, which crawlers read:
/// "HTTPS://Labor.Example.gov.tw/Portal" -> "https://labor.example.gov.tw/Portal",
/// "https://勞工局.台灣/新聞/" -> "https://xn--qhr41tckb.xn--kpry57d/新聞/" (the path stays).
std::string normalize_base_url(std::string_view url);

}  // namespace firefly
