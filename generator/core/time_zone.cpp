// Time zones through ICU's copy of the IANA database.
#include "core/time_zone.h"

#include <unicode/calendar.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <mutex>

namespace firefly {

struct TimeZone::Impl {
  std::string name;
  std::unique_ptr<icu::TimeZone> zone;
  mutable std::mutex lock;  ///< ICU's time zones cache transitions as they are asked

  /// The offset in minutes at `wall_or_utc_seconds`, read as local time when `local`.
  int offset(long long seconds, bool local) const {
    UErrorCode status = U_ZERO_ERROR;
    int32_t raw = 0, dst = 0;
    std::lock_guard<std::mutex> guard(lock);
    zone->getOffset(static_cast<UDate>(seconds) * 1000.0, local, raw, dst, status);
    return U_FAILURE(status) ? 0 : (raw + dst) / 60000;
  }
};

TimeZone::TimeZone() : TimeZone(*find("UTC")) {}

TimeZone::TimeZone(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

std::optional<TimeZone> TimeZone::find(std::string_view name) {
  icu::UnicodeString id = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(id));
  if (!zone || *zone == icu::TimeZone::getUnknown()) return std::nullopt;
  auto impl = std::make_shared<Impl>();
  impl->name = std::string(name);
  impl->zone = std::move(zone);
  return TimeZone(std::move(impl));
}

std::vector<std::string> TimeZone::names() {
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> ids(icu::TimeZone::createEnumeration(status));
  if (U_FAILURE(status) || !ids) return out;
  int32_t length = 0;
  while (const char* id = ids->next(&length, status)) {
    if (U_FAILURE(status)) break;
    out.emplace_back(id, static_cast<size_t>(length));
  }
  return out;
}

const std::string& TimeZone::name() const { return impl_->name; }

int TimeZone::offset_at(long long utc_seconds) const { return impl_->offset(utc_seconds, false); }

int TimeZone::offset_of_local(const Date& local) const {
  return impl_->offset(local.wall_seconds(), true);
}

Date TimeZone::at(long long utc_seconds) const {
  int offset = offset_at(utc_seconds);
  return date_from_wall_seconds(utc_seconds + offset * 60LL, offset);
}

Date TimeZone::local(const Date& d) const { return d.has_tz ? at(d.utc_seconds()) : d; }

long long TimeZone::instant(const Date& d) const {
  return d.has_tz ? d.utc_seconds() : d.wall_seconds() - offset_of_local(d) * 60LL;
}

std::string TimeZone::rfc3339(const Date& d) const {
  return d.has_tz ? at(d.utc_seconds()).rfc3339() : d.rfc3339(offset_of_local(d));
}

Date TimeZone::today() const {
  Date now = at(static_cast<long long>(icu::Calendar::getNow() / 1000.0));
  return Date{now.year, now.month, now.day};
}

}  // namespace firefly
