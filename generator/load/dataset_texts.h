// The texts of a dataset's metadata and, from git, the commit that last changed each
// one's value: what tells a stale translation from a current one when every language's
// text is kept side by side ({zh-TW: ..., en: ...}), on one line or on several.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/value.h"
#include "load/git_history.h"

namespace firefly {

/// One scalar member of a map in a dataset's metadata as it is on disk (a text in one
/// language: `en` of `description`), and the newest commit that changed its value.
struct MetadataText {
  std::string field;  ///< the map holding it: "description", "columns[people]/title"
  std::string key;    ///< its key in that map: "en"
  std::string value;  ///< its value as text
  Pos key_pos;        ///< where its key is written in the file on disk
  /// The newest commit whose value of this text differs from its parents'; nullopt when
  /// the text on disk is not committed yet, or there is no git history.
  std::optional<HistoryEntry> changed;
  /// How many commits that changed the file are newer than `changed` (0 = the newest).
  size_t age = 0;
};

/// Every scalar member of every map in `meta` (a dataset's parsed metadata), in file order,
/// with no history. List items are named by their `name:` when they have one
/// ("columns[people]"), else by their place ("keywords[#2]").
std::vector<MetadataText> metadata_texts(const Value& meta);

/// Sets each text's `changed` and `age` from `changes`, the commits that changed the
/// metadata file (newest first, with their blob ids, as GitHistory::changes gives them for
/// a group of one path). Each blob is read and parsed at most once, however many commits
/// share it; a blob that cannot be parsed counts as an empty file.
class MetadataTextHistory {
 public:
  explicit MetadataTextHistory(const GitHistory& git) : git_(git) {}
  /// Sets `changed` and `age` of every text in `texts`, of the file `path`.
  void add(std::vector<MetadataText>& texts, const std::vector<HistoryEntry>& changes,
           const std::string& path);
  /// How many blobs were parsed so far (for tests).
  size_t parsed() const { return parsed_; }

 private:
  /// The texts of one version of the file: field and key ("description\nen") -> value.
  using Values = std::map<std::string, std::string>;
  const Values& values_of(const std::string& blob, const std::string& path);

  const GitHistory& git_;
  std::map<std::string, Values> blobs_;  ///< blob id -> its texts
  size_t parsed_ = 0;
};

}  // namespace firefly
