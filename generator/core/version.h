// The version of Firefly, shown by `firefly version` and in generated pages.
#pragma once

#define FIREFLY_VERSION_STRING "0.1.0"
