#include "render/search_postings.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

#include "render/search_shards.h"

namespace firefly {

TEST_CASE("posting pool: chains of slices keep each chain's bytes in order") {
  PostingPool pool;
  std::vector<PostingPool::Chain> chains(300);
  std::vector<std::string> expected(chains.size());
  // Interleaved appends of 1 to 40 bytes, so chains cross many slices and blocks.
  for (int round = 0; round < 400; ++round) {
    for (size_t c = 0; c < chains.size(); c += 1 + round % 3) {
      std::string bytes(1 + (c * 7 + round) % 40, static_cast<char>('a' + (c + round) % 26));
      pool.append(chains[c], bytes);
      expected[c] += bytes;
    }
  }
  pool.append(chains[0], "");
  for (size_t c = 0; c < chains.size(); ++c) {
    std::string got;
    pool.for_each_piece(chains[c], [&](std::string_view p) { got.append(p); });
    CHECK(chains[c].bytes == expected[c].size());
    CHECK(got == expected[c]);
  }
  PostingPool empty;
  PostingPool::Chain none;
  std::string got;
  empty.for_each_piece(none, [&](std::string_view p) { got.append(p); });
  CHECK(got.empty());
}

TEST_CASE("joined postings: runs of documents give the lines one writer would") {
  // Documents in three runs; every token's line must be what PostingWriter makes of all
  // its postings in document order, and the lines must be in byte order.
  std::vector<std::vector<TextBlock>> docs;
  for (int d = 0; d < 30; ++d) {
    std::string text = "志工 volunteers 修繕屋頂 " + std::to_string(d % 4) + " repair";
    if (d % 3 == 0) text += " 勞資會議 agreement agreement";
    if (d % 5 == 0) text = "市民講座";
    docs.push_back({{text, false}, {"heading " + std::to_string(d % 2), true}});
  }
  std::vector<std::string> titles;
  for (int d = 0; d < 30; ++d) titles.push_back(d % 7 == 0 ? "Volunteers 志工" : "story");

  // What one writer makes, token by token.
  std::map<std::string, PostingWriter> one;
  for (uint32_t d = 0; d < docs.size(); ++d) {
    std::map<std::string, Posting> current;
    uint32_t pos = 0;
    auto add = [&](std::string_view text, SearchField field) {
      search_tokens(text, &pos, [&](std::string_view token, uint32_t at, bool positional) {
        Posting& p = current[std::string(token)];
        if (p.count == 0) p.field = field;
        p.doc = d;
        p.field = std::max(p.field, field);
        ++p.count;
        if (positional) p.positions.push_back(at);
      });
    };
    add(titles[d], SearchField::kTitle);
    for (const TextBlock& b : docs[d]) {
      ++pos;
      add(b.text, b.heading ? SearchField::kHeading : SearchField::kBody);
    }
    for (const auto& [token, p] : current) one[token].add(p);
  }

  std::vector<RunPostings> runs(3);
  for (uint32_t d = 0; d < docs.size(); ++d)
    runs[d * 3 / docs.size()].add_document(d, titles[d], docs[d]);
  JoinedPostings lines(runs);
  REQUIRE(lines.size() == one.size());
  size_t k = 0;
  for (const auto& [token, writer] : one) {  // std::map: byte order
    CHECK(lines.token(k) == token);
    CHECK(lines.positional(k) == writer.positional());
    std::string expected = (writer.positional() ? "" : "*") + writer.text();
    std::string got;
    lines.append_postings(k, got);
    CHECK(got == expected);
    CHECK(lines.postings_bytes(k) == expected.size());
    ++k;
  }
}

}  // namespace firefly
