// Host names as written by hand (a base_url's "勞工局.台灣" or "labor.example.gov.tw"):
// their ASCII form for the addresses crawlers read, by IDNA (UTS #46).
#pragma once

#include <string>
#include <string_view>

namespace firefly {

/// A host name in its ASCII form, or what is wrong with it.
struct AsciiHost {
  std::string ascii;    ///< "xn--qhr41tckb.xn--kpry57d"; "" when `problem` is set
  std::string problem;  ///< "" when the name is usable; else a phrase like "has an empty part"
};

/// `host` (a name without port or brackets, in any letter case and script) as the ASCII
/// name URLs carry: lower case, each non-ASCII label in its punycode form ("xn--..."). A
/// name a URL cannot carry (an empty label as in "a..b", a label starting or ending with
/// '-', a label over 63 bytes, a character like '_' or '*') gives a problem instead: a
/// phrase to follow "the host name 'x' ", like "has an empty part ('a..b')".
AsciiHost ascii_host(std::string_view host);

/// What keeps the http(s) address `url` (written by hand: a menu entry, a dataset's source)
/// from leading anywhere, as a phrase to follow "it ": "names no web site" (`https://`
/// alone), "has a space ..."; "" for a usable one and for any other scheme.
std::string web_address_problem(std::string_view url);

}  // namespace firefly
