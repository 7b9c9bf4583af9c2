#include "core/sentence.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <map>
#include <memory>

#include "core/locale.h"

namespace firefly {

namespace {

/// This thread's sentence break iterator for `locale`, or null. "@ss=standard" turns on
/// ICU's list of abbreviations that do not end a sentence ("e.g.", "Mr.") where it has one.
icu::BreakIterator* sentence_breaker(const std::string& locale) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>> cache;
  auto it = cache.find(locale);
  if (it == cache.end()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc = icu::Locale::forLanguageTag(locale, status);
    if (U_FAILURE(status)) loc = icu::Locale::getRoot();
    icu::Locale with_suppressions(
        (std::string(loc.getName()) + (std::string(loc.getName()).find('@') == std::string::npos
                                           ? "@ss=standard"
                                           : ";ss=standard"))
            .c_str());
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(
        icu::BreakIterator::createSentenceInstance(with_suppressions, status));
    if (U_FAILURE(status)) b.reset();
    it = cache.emplace(locale, std::move(b)).first;
  }
  return it->second.get();
}

/// `text` without white space at either end (Unicode white space, as YAML folding leaves it).
std::string_view trim(std::string_view text) {
  auto at = [&](size_t i, bool back) {
    int32_t pos = static_cast<int32_t>(i);
    UChar32 c;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    if (back) {
      U8_PREV(s, 0, pos, c);
    } else {
      U8_NEXT(s, pos, static_cast<int32_t>(text.size()), c);
    }
    return std::pair<UChar32, size_t>{c, static_cast<size_t>(pos)};
  };
  size_t start = 0, end = text.size();
  while (start < end) {
    auto [c, next] = at(start, false);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    start = next;
  }
  while (end > start) {
    auto [c, prev] = at(end, true);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    end = prev;
  }
  return text.substr(start, end - start);
}

}  // namespace

std::string first_sentence(std::string_view text, const std::string& locale) {
  text = trim(text);
  icu::BreakIterator* sentences = sentence_breaker(locale);
  if (text.empty() || !sentences) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    return std::string(text);
  }
  sentences->setText(ut, status);
  int32_t end = U_SUCCESS(status) ? sentences->following(0) : icu::BreakIterator::DONE;
  // The iterator keeps a pointer to the text: give it an empty one before closing ours.
  utext_close(ut);
  sentences->setText(icu::UnicodeString());
  if (end == icu::BreakIterator::DONE || end <= 0) return std::string(text);
  return std::string(trim(text.substr(0, static_cast<size_t>(end))));
}

std::string short_summary(std::string_view text, const std::string& locale, size_t max_units) {
  return truncate_text(first_sentence(text, locale), max_units);
}

}  // namespace firefly
