// What the processor a build runs on offers beyond what the program is compiled for: the
// scans of every byte of every page take 32 bytes a step where it can (AVX2), else 16 (SSE2).
#pragma once

namespace firefly {

/// Whether the processor runs AVX2 instructions (functions compiled for them with
/// __attribute__((target("avx2")))), asked once.
inline bool cpu_has_avx2() {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
#else
  return false;
#endif
}

}  // namespace firefly
