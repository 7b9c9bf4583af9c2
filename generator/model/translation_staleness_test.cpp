#include "model/translation_staleness.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("changed_after: a declared day covers the whole day, a commit counts to the second") {
  Date evening = *parse_date("2026-11-23T21:30:00+08:00");
  Date day = *parse_date("2026-11-23");
  CHECK_FALSE(changed_after(evening, day, true));  // same day: the translation follows it
  CHECK(changed_after(*parse_date("2026-11-24T00:10:00+08:00"), day, true));
  Date commit = *parse_date("2026-11-23T21:29:59+08:00");
  CHECK(changed_after(evening, commit, false));
  CHECK_FALSE(changed_after(commit, evening, false));
  // The same instant written in two offsets is not later.
  CHECK_FALSE(changed_after(*parse_date("2026-11-23T13:30:00Z"), evening, false));
}

TEST_CASE("day_of drops the time of day") {
  CHECK(day_of(*parse_date("2026-11-23T21:30:00+08:00")) == "2026-11-23");
}

}  // namespace firefly
