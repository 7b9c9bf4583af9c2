// The site's time zone: which day it is, and the offset from UTC of any date, through ICU.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace firefly {

/// An IANA time zone ("Asia/Taipei", "Europe/Berlin", "UTC") with its full history of
/// offsets, daylight saving time included. Cheap to copy; safe to use from several threads.
class TimeZone {
 public:
  /// UTC.
  TimeZone();
  /// The zone named `name`, or nullopt when ICU does not know it.
  static std::optional<TimeZone> find(std::string_view name);

  /// The names of every zone ICU knows, for suggestions.
  static std::vector<std::string> names();

  /// The name it was found by ("UTC" for the default).
  const std::string& name() const;
  /// The offset from UTC in minutes at the instant `utc_seconds` (since 1970-01-01T00:00:00Z).
  int offset_at(long long utc_seconds) const;
  /// The offset in minutes of the wall-clock time `local` here (its date and time of day; its
  /// own offset, if any, is ignored). A time skipped or repeated by a daylight-saving change
  /// takes the offset in force before the change.
  int offset_of_local(const Date& local) const;
  /// The date and time of day here at the instant `utc_seconds`, with the offset then.
  Date at(long long utc_seconds) const;
  /// `d` as it reads here: a date with an offset (an instant) is converted to this zone's date
  /// and time of day; a date or time without one is already this zone's, and is kept.
  Date local(const Date& d) const;
  /// The instant `d` names, in seconds since 1970-01-01T00:00:00Z: a date without a time is
  /// midnight here, a time without an offset that wall-clock time here.
  long long instant(const Date& d) const;
  /// `d` as an RFC 3339 timestamp in this zone: a date without a time is midnight here, a
  /// time without an offset is that wall-clock time here ("2021-03-04T00:00:00+08:00").
  std::string rfc3339(const Date& d) const;
  /// Today's date here.
  Date today() const;

 private:
  struct Impl;
  explicit TimeZone(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace firefly
