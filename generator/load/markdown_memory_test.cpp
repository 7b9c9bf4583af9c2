#include "load/markdown_memory.h"

#include <cmark-gfm.h>
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

namespace firefly {

namespace {

bool aligned(void* p) { return reinterpret_cast<std::uintptr_t>(p) % 16 == 0; }

std::string html_of(const std::string& markdown, cmark_mem* mem) {
  cmark_parser* parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, mem);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html_with_mem(doc, CMARK_OPT_DEFAULT, nullptr,
                                          cmark_get_default_mem_allocator());
  std::string out = html;
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

}  // namespace

TEST_CASE("a document's memory: blocks zeroed, aligned, grown in place when last") {
  MarkdownMemory memory;
  MarkdownMemory::Use use(memory);
  cmark_mem* mem = MarkdownMemory::allocator();
  auto* a = static_cast<unsigned char*>(mem->calloc(3, 7));
  REQUIRE(a);
  CHECK(aligned(a));
  for (int i = 0; i < 21; ++i) CHECK(a[i] == 0);
  std::memset(a, 'a', 21);
  // The last block grows where it is; an earlier one moves, its bytes with it.
  CHECK(mem->realloc(a, 40) == a);
  auto* b = static_cast<unsigned char*>(mem->calloc(1, 8));
  auto* moved = static_cast<unsigned char*>(mem->realloc(a, 100));
  CHECK(moved != a);
  CHECK(aligned(moved));
  CHECK(std::string(reinterpret_cast<char*>(moved), 21) == std::string(21, 'a'));
  CHECK(b[0] == 0);
  mem->free(moved);  // nothing to do: the memory goes as a whole
  mem->free(b);
  mem->free(nullptr);
  CHECK(memory.reserved() > 0);
}

TEST_CASE("a document's memory: calloc zeroes bytes used before (a buffer shrunk in place)") {
  MarkdownMemory memory;
  MarkdownMemory::Use use(memory);
  cmark_mem* mem = MarkdownMemory::allocator();
  auto* a = static_cast<unsigned char*>(mem->realloc(nullptr, 100));
  REQUIRE(a);
  std::memset(a, 'x', 100);
  CHECK(mem->realloc(a, 8) == a);  // shrunk where it is: its last 92 bytes are free again
  auto* b = static_cast<unsigned char*>(mem->calloc(5, 17));
  REQUIRE(b);
  CHECK(b > a);
  CHECK(b < a + 100);  // the bytes written before
  for (int i = 0; i < 85; ++i) CHECK(b[i] == 0);
}

TEST_CASE("a document's memory: the heap's when no memory is in use, and for large blocks") {
  cmark_mem* mem = MarkdownMemory::allocator();
  MarkdownMemory memory;
  {
    MarkdownMemory::Use use(memory);
    void* large = mem->calloc(1, 200 * 1024);  // from the heap: freed on its own
    REQUIRE(large);
    CHECK(aligned(large));
    void* larger = mem->realloc(large, 300 * 1024);
    REQUIRE(larger);
    mem->free(larger);
    CHECK(memory.reserved() == 0);
  }
  // No memory in use (a kept tree touched later): the heap, freed by free.
  void* p = mem->realloc(nullptr, 10);
  REQUIRE(p);
  std::memcpy(p, "0123456789", 10);
  void* q = mem->realloc(p, 5000);
  REQUIRE(q);
  CHECK(std::string(static_cast<char*>(q), 10) == "0123456789");
  mem->free(q);
  CHECK(memory.reserved() == 0);
}

TEST_CASE("a document's memory: one in use at a time, the one before it back after") {
  MarkdownMemory outer, inner;
  cmark_mem* mem = MarkdownMemory::allocator();
  MarkdownMemory::Use use_outer(outer);
  mem->calloc(1, 10);
  size_t outer_before = outer.reserved();
  {
    MarkdownMemory::Use use_inner(inner);
    mem->calloc(1, 10);
    CHECK(inner.reserved() > 0);
  }
  mem->calloc(1, 10);
  CHECK(outer.reserved() == outer_before);  // the same first block
  CHECK(outer.reserved() > 0);
}

TEST_CASE("cmark parses and renders alike from a document's memory") {
  std::string markdown;
  for (int i = 0; i < 300; ++i) {
    markdown += "## Heading " + std::to_string(i) + "\n\nSome *text* with a [link](/x/" +
                std::to_string(i) + "/) and `code`, then more words.\n\n- one\n- two\n\n";
  }
  std::string expected = html_of(markdown, cmark_get_default_mem_allocator());
  MarkdownMemory memory;
  {
    MarkdownMemory::Use use(memory);
    CHECK(html_of(markdown, MarkdownMemory::allocator()) == expected);
  }
  CHECK(memory.reserved() > 32 * 1024);  // more than one block
}

}  // namespace firefly
