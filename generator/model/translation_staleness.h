// Stale translations: an original changed in git after its translation did.
#pragma once

#include "core/date.h"
#include "core/error.h"
#include "model/site.h"

namespace firefly {

/// Seconds since 1970-01-01 UTC of a date with a time and offset (midnight UTC without).
long long epoch_seconds(const Date& d);

/// For every translated page whose original (the default language's page) changed in git
/// after the translation last did, or after the date or commit its `translated_from:`
/// names, sets `stale_original` and warns, naming both files and both dates.
void mark_stale_translations(Site& site, Diagnostics& diags);

}  // namespace firefly
