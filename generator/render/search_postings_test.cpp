#include "render/search_postings.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

#include "render/search_shards.h"

namespace firefly {

TEST_CASE("posting log: each token's entries placed together, in the order appended") {
  PostingLog log;
  constexpr uint32_t kTokens = 300;
  std::vector<std::string> expected(kTokens + 1);
  // Interleaved entries of 1 to 40 bytes over many blocks (those of 15 bytes or more take
  // the long header).
  for (int round = 0; round < 2000; ++round) {
    for (uint32_t id = 0; id < kTokens; id += 1 + round % 3) {
      std::string bytes(1 + (id * 7 + round) % 40, static_cast<char>('a' + (id + round) % 26));
      log.append(id, bytes);
      expected[id] += bytes;
    }
  }
  log.append(kTokens, "z");
  log.append(7, std::string(3 << 20, 'q'));  // larger than a block
  expected[7] += std::string(3 << 20, 'q');
  CHECK_FALSE(log.placed());
  log.place(kTokens + 2);
  REQUIRE(log.placed());
  for (uint32_t id = 0; id < kTokens; ++id) CHECK(log.postings(id) == expected[id]);
  CHECK(log.postings(kTokens) == "z");
  CHECK(log.postings(kTokens + 1).empty());
}

TEST_CASE("posting log: entries of 0 to 20 bytes placed byte for byte, over blocks") {
  // Each entry's bytes differ from one another (a short entry is copied in overlapping
  // pieces), and empty ones come between them, some at a block's end.
  PostingLog log;
  constexpr uint32_t kTokens = 7;
  std::vector<std::string> expected(kTokens);
  uint32_t seed = 1;
  for (int round = 0; round < 200000; ++round) {
    seed = seed * 1103515245 + 12345;
    uint32_t id = (seed >> 8) % kTokens;
    std::string bytes;
    for (uint32_t k = 0, n = (seed >> 16) % 21; k < n; ++k) {
      bytes += static_cast<char>('!' + (round + 7 * k) % 90);
    }
    if (round % 2) {
      char* out = log.entry(bytes.size());
      std::copy(bytes.begin(), bytes.end(), out);
      log.end_entry(id, static_cast<uint32_t>(bytes.size()));
    } else {
      log.append(id, bytes);
    }
    expected[id] += bytes;
  }
  log.place(kTokens);
  for (uint32_t id = 0; id < kTokens; ++id) CHECK(log.postings(id) == expected[id]);
}

TEST_CASE("posting log: entries written in place, short and long, as appended ones") {
  PostingLog log;
  std::vector<std::string> expected(4);
  const uint32_t far = (uint32_t{1} << 20) + 1;  // past the short header's ids
  auto in_place = [&](uint32_t id, const std::string& bytes) {
    char* out = log.entry(bytes.size() + 5);  // room for more than is written
    std::copy(bytes.begin(), bytes.end(), out);
    log.end_entry(id, static_cast<uint32_t>(bytes.size()));
  };
  for (int round = 0; round < 50000; ++round) {  // over several blocks
    uint32_t id = static_cast<uint32_t>(round % 3);
    std::string bytes(1 + round % 30, static_cast<char>('a' + round % 26));  // 15+: long
    if (round % 2) {
      in_place(id, bytes);
    } else {
      log.append(id, bytes);
    }
    expected[id] += bytes;
  }
  in_place(far, "far");
  log.place(far + 1);
  for (uint32_t id = 0; id < 3; ++id) CHECK(log.postings(id) == expected[id]);
  CHECK(log.postings(far) == "far");
}

TEST_CASE("posting log: an id past the short header's keeps its entries") {
  PostingLog log;
  const uint32_t far = (uint32_t{1} << 20) + 5;
  log.append(far, "ab");
  log.append(0, "x");
  log.append(far, "cd");
  log.place(far + 1);
  CHECK(log.postings(far) == "abcd");
  CHECK(log.postings(0) == "x");
  CHECK(log.postings(1).empty());

  PostingLog none;
  none.place(0);
  CHECK(none.placed());
}

/// Checks that `runs` runs of `docs` (with their `titles`) joined give, token by token,
/// what one PostingWriter makes of all the postings in document order, in byte order.
void check_joined(const std::vector<std::vector<TextBlock>>& docs,
                  const std::vector<std::string>& titles, size_t run_count) {
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
      add(b.text, b.heading ? SearchField::kHeading : SearchField::kBody);
    }
    for (const auto& [token, p] : current) one[token].add(p);
  }

  std::vector<RunPostings> runs(run_count);
  for (uint32_t d = 0; d < docs.size(); ++d)
    runs[d * run_count / docs.size()].add_document(d, titles[d], docs[d]);
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
    bool positional = !writer.positional();
    CHECK(lines.line_bytes(k, &positional) == token.size() + expected.size());
    CHECK(positional == writer.positional());
    ++k;
  }
}

TEST_CASE("joined postings: runs of documents give the lines one writer would") {
  std::vector<std::vector<TextBlock>> docs;
  for (int d = 0; d < 30; ++d) {
    std::string text = "志工 volunteers 修繕屋頂 " + std::to_string(d % 4) + " repair";
    if (d % 3 == 0) text += " 勞資會議 agreement agreement";
    if (d % 5 == 0) text = "市民講座";
    docs.push_back({{text, false}, {"heading " + std::to_string(d % 2), true}});
  }
  std::vector<std::string> titles;
  for (int d = 0; d < 30; ++d) titles.push_back(d % 7 == 0 ? "Volunteers 志工" : "story");
  check_joined(docs, titles, 3);
}

TEST_CASE("joined postings: runs of many tokens, some sharing their first eight bytes") {
  // Thousands of distinct tokens a run (sorted by their digits, not by comparing), among
  // them CJK pairs that share their first bytes and words whose first eight bytes are the
  // same (volunteer, volunteers, volunteering).
  std::vector<std::vector<TextBlock>> docs;
  std::vector<std::string> titles;
  uint32_t seed = 7;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8) & 0xFFFF; };
  const char* words[] = {"volunteer", "volunteers", "volunteering", "volunte",
                         "vol",       "agreement",  "agreements",   "a"};
  for (int d = 0; d < 200; ++d) {
    std::string text;
    for (int c = 0; c < 120; ++c) {
      char32_t cp = 0x4E00 + next() % 96;  // few lead bytes: many shared first bytes
      text += static_cast<char>(0xE0 | (cp >> 12));
      text += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      text += static_cast<char>(0x80 | (cp & 0x3F));
      if (next() % 17 == 0) text += std::string(" ") + words[next() % 8] + " ";
    }
    docs.push_back({{text, d % 9 == 0}, {words[d % 8], true}});
    titles.push_back(d % 5 == 0 ? "Volunteers 志工" : "story " + std::to_string(d));
  }
  check_joined(docs, titles, 2);
  check_joined(docs, titles, 3);
}

TEST_CASE("run postings: a block's first word follows the last word of the one before") {
  // A quoted phrase finds words in a row by their positions: "volunteers retired" runs
  // from the heading into the paragraph after it, "notes join" from the title into the
  // heading.
  RunPostings run;
  run.add_document(0, "Notes", {{"Join the volunteers", true}, {"Retired workers.", false}});
  run.finish();
  std::map<std::string, uint32_t> at;
  for (uint32_t id = 0; id < run.size(); ++id) {
    std::string_view postings = run.postings(id);  // the weight, then the one position
    size_t i = 1;
    auto pos = read_vlq(postings, &i);
    REQUIRE(pos);
    at[std::string(run.token(id))] = *pos;
  }
  CHECK(at.at("notes") == 0);
  CHECK(at.at("join") == 1);
  CHECK(at.at("volunteers") == 3);
  CHECK(at.at("retired") == 4);
  CHECK(at.at("workers") == 5);
}

}  // namespace firefly
