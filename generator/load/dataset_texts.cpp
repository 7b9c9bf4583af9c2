#include "load/dataset_texts.h"

#include "core/yaml.h"
#include "core/yaml_merge.h"

namespace firefly {

namespace {

void collect(const Value& v, const std::string& field, std::vector<MetadataText>& out) {
  if (v.is_map()) {
    for (const auto& [key, member] : v.as_map()) {
      if (member.is_map() || member.is_list()) {
        collect(member, field.empty() ? key : field + "/" + key, out);
      } else {
        out.push_back(MetadataText{field, key, member.to_text(), member.key_pos, {}});
      }
    }
  } else if (v.is_list()) {
    const List& items = v.as_list();
    for (size_t i = 0; i < items.size(); ++i) {
      const Value* name = items[i].find("name");
      bool named = name && !name->is_map() && !name->is_list() && !name->is_null();
      collect(items[i], field + "[" + (named ? name->to_text() : "#" + std::to_string(i)) + "]",
              out);
    }
  }
}

/// The key a text is found by in a version of its file.
std::string id_of(const MetadataText& t) { return t.field + '\n' + t.key; }

/// The value of text `id` in `values`, or nullptr when that version has no such text.
const std::string* find_value(const std::map<std::string, std::string>& values,
                              const std::string& id) {
  auto it = values.find(id);
  return it == values.end() ? nullptr : &it->second;
}

bool same(const std::string* a, const std::string* b) { return a && b ? *a == *b : a == b; }

}  // namespace

std::vector<MetadataText> metadata_texts(const Value& meta) {
  std::vector<MetadataText> out;
  collect(meta, "", out);
  return out;
}

const MetadataTextHistory::Values& MetadataTextHistory::values_of(const std::string& blob,
                                                                  const std::string& path) {
  auto [it, added] = blobs_.try_emplace(blob);
  if (!added) return it->second;
  std::optional<std::string> text = git_.blob_text(blob);
  if (!text || text->empty()) return it->second;
  ++parsed_;
  Diagnostics ignored;  // an old version that does not parse counts as an empty file
  Value meta = parse_yaml(*text, path, ignored);
  drop_extension_keys(meta);
  if (ignored.has_errors()) return it->second;
  for (const MetadataText& t : metadata_texts(meta)) it->second.emplace(id_of(t), t.value);
  return it->second;
}

void MetadataTextHistory::add(std::vector<MetadataText>& texts,
                              const std::vector<HistoryEntry>& changes, const std::string& path) {
  if (changes.empty()) return;
  // Only texts as they are committed have a history: one edited on disk has no commit yet.
  const Values& head = values_of(changes.front().blob, path);
  std::vector<MetadataText*> open;
  for (MetadataText& t : texts) {
    if (same(find_value(head, id_of(t)), &t.value)) open.push_back(&t);
  }
  for (size_t j = 0; j < changes.size() && !open.empty(); ++j) {
    const HistoryEntry& c = changes[j];
    const Values& now = values_of(c.blob, path);
    std::vector<const Values*> parents;
    for (const std::string& p : c.parent_blobs) parents.push_back(&values_of(p, path));
    // A commit changed a text when its value differs from every parent's (a merge that took
    // one side's text did not change it); the first commit, from nothing.
    std::erase_if(open, [&](MetadataText* t) {
      std::string id = id_of(*t);
      const std::string* mine = find_value(now, id);
      for (const Values* p : parents) {
        if (same(find_value(*p, id), mine)) return false;
      }
      if (!mine) return false;  // removed here: it was added back by a newer commit
      t->changed = c;
      t->age = j;
      return true;
    });
  }
}

}  // namespace firefly
