// Fast 64-bit fingerprints of bytes and values, for telling what changed between two
// builds (not for security: see core/sha256 for that).
#pragma once

#include <cstdint>
#include <string_view>

#include "core/value.h"

namespace firefly {

/// Accumulates a fingerprint; the same inputs in the same order give the same number.
class Hasher {
 public:
  /// Adds `bytes`, with its length (so "ab","c" differs from "a","bc").
  Hasher& add(std::string_view bytes);
  Hasher& add(std::uint64_t n);
  /// Adds `v` with its kind and structure.
  Hasher& add_value(const Value& v);
  std::uint64_t get() const { return h_; }

 private:
  std::uint64_t h_ = 0x9e3779b97f4a7c15ull;
};

/// The fingerprint of `bytes` alone.
std::uint64_t hash_bytes(std::string_view bytes);

}  // namespace firefly
