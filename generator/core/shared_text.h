// Immutable text shared between copies: the large strings that a build keeps and the
// next build (in `serve`) takes over unchanged, such as a page's Markdown and its body.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/hash.h"

namespace firefly {

/// Immutable text; a copy shares the bytes (it costs a pointer, not the text).
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string text)  // NOLINT: implicit, like the std::string it replaces
      : block_(text.empty() ? nullptr : std::make_shared<const Block>(std::move(text))) {}
  SharedText(std::string_view text) : SharedText(std::string(text)) {}  // NOLINT
  SharedText(const char* text) : SharedText(std::string(text)) {}       // NOLINT

  const std::string& str() const { return block_ ? block_->text : empty_string(); }
  operator const std::string&() const { return str(); }  // NOLINT
  operator std::string_view() const { return str(); }    // NOLINT
  bool empty() const { return str().empty(); }
  size_t size() const { return str().size(); }
  /// hash_bytes() of the text, worked out once for all copies.
  std::uint64_t fingerprint() const {
    if (!block_) return hash_bytes({});
    std::uint64_t h = block_->hash.load(std::memory_order_relaxed);
    if (!h) {
      h = hash_bytes(block_->text) | 1;  // never 0, which means "not yet"
      block_->hash.store(h, std::memory_order_relaxed);
    }
    return h;
  }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const SharedText& b) {
    return a.block_ == b.block_ || a.str() == b.str();  // a copy: the same text
  }

 private:
  struct Block {
    explicit Block(std::string t) : text(std::move(t)) {}
    std::string text;
    mutable std::atomic<std::uint64_t> hash{0};
  };
  static const std::string& empty_string() {
    static const std::string empty;
    return empty;
  }
  std::shared_ptr<const Block> block_;
};

}  // namespace firefly
