#include "core/yaml.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <utility>

#include "core/legacy_encoding.h"
#include "core/text.h"
#include "core/yaml_documents.h"
#include "core/yaml_help.h"
#include "core/yaml_merge.h"
#include "core/yaml_scan.h"
#include "core/yaml_simple.h"
#include "core/yaml_tags.h"

namespace firefly {

namespace {

/// Above this many values reached through aliases (each alias counts everything it
/// repeats), a document is refused. Plain values are not counted: they cost memory in
/// proportion to the file's size.
constexpr size_t kMaxExpandedNodes = 200000;

/// Above this many bytes of text repeated by aliases (or 10 times the YAML's own size, if
/// more), a document is refused: a few aliases of one long value cost as much memory, and
/// as large a page, as the value count above allows. An honest file repeats an address or
/// a list of names a few times: kilobytes.
constexpr size_t kMinAliasBytes = 1000000;
constexpr size_t kAliasBytesPerFileByte = 10;

/// Deeper than this many lists and maps inside each other, a document is refused: honest
/// data nests a few levels (a story's `images:` three), and each level costs the parser
/// and every reader of the value stack space.
constexpr size_t kMaxDepth = 100;

/// The size of a value: its values, and the bytes of its scalars' text (keys included).
struct Size {
  size_t nodes = 0;
  size_t bytes = 0;
};

struct Frame {
  bool is_map = false;
  Pos pos;
  YAML::anchor_t anchor = 0;
  List list;
  Map map;
  Size size{1, 0};  // under this one, aliases counted in full
  bool have_key = false;
  bool key_is_merge = false;  // the key is `<<`: its value is merged into the map
  std::string key;
  Pos key_pos;
  std::vector<Value> merges;  // the values of `<<`, in order
  size_t merge_at = 0;        // how many keys were written before `<<`
  Pos merge_pos;
};

// yaml-cpp counts columns in bytes; people (and carets) count characters. Marks come in
// order, so the count goes on from the last mark of the same line: a long one-line list
// costs time in proportion to its length, not its square.
class ColumnCounter {
 public:
  ColumnCounter(std::string_view text, int line_offset) : text_(text), line_offset_(line_offset) {}

  Pos operator()(const YAML::Mark& m) {
    int col = m.column + 1;
    if (m.pos >= 0 && static_cast<size_t>(m.pos) <= text_.size() && m.column >= 0 &&
        m.column <= m.pos) {
      size_t line_start = static_cast<size_t>(m.pos - m.column);
      size_t at = static_cast<size_t>(m.pos);
      if (line_start != line_start_ || at < at_) {
        line_start_ = line_start;
        at_ = line_start;
        chars_ = 0;
      }
      for (; at_ < at; ++at_) chars_ += (static_cast<unsigned char>(text_[at_]) & 0xC0) != 0x80;
      col = static_cast<int>(chars_) + 1;
    }
    return {m.line + 1 + line_offset_, col};
  }

 private:
  std::string_view text_;
  int line_offset_;
  size_t line_start_ = std::string_view::npos, at_ = 0, chars_ = 0;
};

class Builder : public YAML::EventHandler {
 public:
  Builder(std::string_view text, const std::string& path, Diagnostics& diags, int line_offset)
      : text_(text),
        path_(path),
        diags_(diags),
        column_(text, line_offset),
        max_alias_bytes_(std::max(kMinAliasBytes, kAliasBytesPerFileByte * text.size())) {}

  Value result;
  bool failed = false;
  bool reported = false;  ///< an error was reported, but the file read on (report)

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(Value(), pos(mark), anchor, {1, 0}, {});
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (failed) return;
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      fail(pos(mark), "this alias refers to an anchor that is not defined", "");
      return;
    }
    const Size& size = it->second.second;
    alias_bytes_ += size.bytes;
    if (alias_bytes_ > max_alias_bytes_) {
      std::string name(alias_name_at(text_, static_cast<size_t>(std::max(0, mark.pos))));
      fail(pos(mark),
           "the alias *" + name + " repeats too much text: an alias (*name) stands for a copy " +
               "of the value marked &name, and with this one the copies in this file add up " +
               "to more than " + std::to_string(max_alias_bytes_) + " bytes",
           "write the value out where it is needed, or use the alias fewer times");
      return;
    }
    add(with_pos(it->second.first, pos(mark)), pos(mark), 0, size, size);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (failed) return;
    ControlChar bad = find_control_char(value);
    if (bad.offset != std::string_view::npos) {
      control_char(mark, bad.code);
      return;
    }
    TaggedScalar read = read_tagged_scalar(tag, value);
    const bool refused = !read.message.empty();
    if (refused) {
      // Reported, and read as empty: the file's other tags and merge keys are checked too.
      report(pos(mark), std::move(read.message), std::move(read.hint));
      read.value = Value();
    }
    merge_key_ = !refused && is_merge_key(tag, value);
    add(std::move(read.value), pos(mark), anchor, {1, value.size()}, {});
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    if (refuse_tag(mark, tag, false)) return;
    push(false, mark, anchor);
  }
  void OnSequenceEnd() override { pop(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    if (refuse_tag(mark, tag, true)) return;
    push(true, mark, anchor);
  }
  void OnMapEnd() override { pop(); }

  /// Reports an error after which nothing more of the file is read (its syntax, its size).
  void fail(Pos at, std::string message, std::string hint) {
    if (!failed) diags_.error(path_, at, std::move(message), std::move(hint));
    failed = true;
  }

  /// Reports an error after which the file is still read, to report the others like it (a
  /// tag or a merge key): the file's value is then null all the same.
  void report(Pos at, std::string message, std::string hint) {
    if (failed) return;
    diags_.error(path_, at, std::move(message), std::move(hint));
    reported = true;
  }

 private:
  Pos pos(const YAML::Mark& m) { return column_(m); }

  /// Whether nothing more is read (failed); a refused tag of a list or map is reported, and
  /// the list or map read on for the file's other errors.
  bool refuse_tag(const YAML::Mark& mark, const std::string& tag, bool is_map) {
    if (failed) return true;
    std::optional<TaggedScalar> refused = refuse_collection_tag(tag, is_map);
    if (refused) report(pos(mark), std::move(refused->message), std::move(refused->hint));
    return false;
  }

  /// Reports the control character `code` of the scalar at `mark`, where it was written.
  void control_char(const YAML::Mark& mark, char32_t code) {
    Pos at = pos(mark);
    size_t where = control_char_in_source(text_, static_cast<size_t>(std::max(0, mark.pos)));
    if (where != std::string_view::npos) at = column_(mark_at(where));
    std::string whose = "a value";
    if (!stack_.empty() && stack_.back().is_map) {
      whose = stack_.back().have_key ? "the value of '" + stack_.back().key + "'" : "a key";
    } else {
      for (size_t i = stack_.size(); i-- > 0;) {
        if (stack_[i].have_key) {
          whose = "a value in '" + stack_[i].key + "'";
          break;
        }
      }
    }
    fail(at,
         whose + " has an invisible control character (" + control_char_name(code) +
             ") at column " + std::to_string(at.col),
         "remove it: pages and feeds cannot show it (it often comes with text pasted from "
         "another program, or from an escape such as \\0 or \\e in double quotes)");
  }

  /// The mark of the byte at `offset` of the text (its line and column counted).
  YAML::Mark mark_at(size_t offset) const {
    YAML::Mark m;
    m.pos = static_cast<int>(offset);
    size_t line_start = text_.rfind('\n', offset == 0 ? 0 : offset - 1);
    line_start = line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1;
    m.column = static_cast<int>(offset - line_start);
    m.line = static_cast<int>(std::count(text_.begin(), text_.begin() + line_start, '\n'));
    return m;
  }

  // Frames are made and taken apart in place (a story's `images:` list of maps nests
  // three deep: no frame moved when the stack grows or when one ends).
  void push(bool is_map, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (failed) return;
    if (stack_.size() >= kMaxDepth) {
      fail(pos(mark),
           "this YAML is nested more than " + std::to_string(kMaxDepth) +
               " levels deep (lists and maps inside each other)",
           "put fewer lists and maps inside each other");
      return;
    }
    if (stack_.capacity() == 0) stack_.reserve(4);
    Frame& f = stack_.emplace_back();
    f.is_map = is_map;
    f.pos = pos(mark);
    f.anchor = anchor;
  }

  void pop() {
    if (stack_.empty() || failed) return;
    Frame& f = stack_.back();
    if (!f.merges.empty()) apply_merges(f.map, f.merge_at, f.merges);
    Value v = f.is_map ? Value(std::move(f.map)) : Value(std::move(f.list));
    Pos at = f.pos;
    YAML::anchor_t anchor = f.anchor;
    Size size = f.size;
    stack_.pop_back();
    add(std::move(v), at, anchor, size, {});
  }

  /// Adds a value of `size`; `through_alias` of it is repeated by an alias.
  void add(Value v, Pos at, YAML::anchor_t anchor, Size size, Size through_alias) {
    bool merge_key = std::exchange(merge_key_, false);
    if (failed) return;
    v.pos = at;
    if (anchor) anchors_[anchor] = {v, size};
    total_ += through_alias.nodes;
    if (total_ > kMaxExpandedNodes) {
      fail(at,
           "this YAML expands to more than " + std::to_string(kMaxExpandedNodes) +
               " values through aliases (*name); it looks like an alias bomb",
           "write the values out, or use fewer aliases");
      return;
    }
    if (stack_.empty()) {
      result = std::move(v);
      return;
    }
    Frame& top = stack_.back();
    top.size.nodes += size.nodes;
    top.size.bytes += size.bytes;
    if (!top.is_map) {
      top.list.push_back(std::move(v));
      return;
    }
    if (!top.have_key) {
      if (v.is_map() || v.is_list()) {
        fail(at, "a key must be plain text, not " + std::string(v.kind_name()), "");
        return;
      }
      top.key = v.to_text();
      top.key_pos = at;
      top.have_key = true;
      top.key_is_merge = merge_key;
      if (merge_key && top.merge_pos.line) {
        report(at,
               "the merge key '<<' appears twice in the same map (first on line " +
                   std::to_string(top.merge_pos.line) + ")",
               "merge a list of maps with one key: <<: [*first, *second]");
        return;
      }
      if (merge_key) return;
      for (const auto& [k, existing] : top.map) {
        if (k == top.key) {
          fail(at,
               "the key '" + top.key + "' appears twice in the same map (first on line " +
                   std::to_string(existing.key_pos.line) + ")",
               "remove one of them");
          return;
        }
      }
      return;
    }
    if (top.key_is_merge) {
      merge(top, std::move(v));
      return;
    }
    v.key_pos = top.key_pos;
    top.map.emplace_back(std::move(top.key), std::move(v));
    top.have_key = false;
  }

  /// Keeps `source`, the value of the map's `<<`, to merge when the map ends.
  void merge(Frame& top, Value source) {
    top.have_key = false;
    top.key_is_merge = false;
    std::string problem = merge_source_problem(source);
    // An empty value after a reported error may be a refused tag's (`&base !x text`): one
    // error for it, not a second at each merge of it.
    if (!problem.empty() && !(reported && source.is_null())) {
      report(source.pos, std::move(problem),
             "write an alias of a map (<<: *base) or a list of them (<<: [*base, *more])");
    }
    if (!problem.empty()) return;
    if (!top.merge_pos.line) top.merge_pos = top.key_pos;
    top.merge_at = top.map.size();
    top.merges.push_back(std::move(source));
  }

  std::string_view text_;
  const std::string& path_;
  Diagnostics& diags_;
  ColumnCounter column_;
  bool merge_key_ = false;  // the scalar being added is a plain `<<`
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, std::pair<Value, Size>> anchors_;
  size_t total_ = 0;        // values repeated by aliases
  size_t alias_bytes_ = 0;  // bytes of text repeated by aliases
  size_t max_alias_bytes_;
};

/// The Value of simple_yaml_events' events, made straight from them: what Builder makes
/// of the same events, without its stack of frames (the events come in order, each start
/// with its count of members, and name no anchor or alias). A story's front matter is three
/// maps and a list deep with its `images:`; every page of a build is read this way.
class EventTree {
 public:
  EventTree(const std::vector<YamlEvent>& events, std::string_view text, const std::string& path,
            Diagnostics& diags, int line_offset)
      : events_(events), path_(path), diags_(diags), column_(text, line_offset) {}

  /// The value, or null after reporting a key written twice in one map.
  Value build() {
    size_t i = 0;
    Value v;
    if (!node(i, v)) return Value();
    return v;
  }

 private:
  const std::vector<YamlEvent>& events_;
  const std::string& path_;
  Diagnostics& diags_;
  ColumnCounter column_;

  Pos pos(const YamlEvent& e) {
    YAML::Mark m;
    m.pos = e.offset;
    m.line = e.line;
    m.column = e.column;
    return column_(m);
  }

  /// A map's key as Builder reads it: the plain scalar's text (a number or a word such as
  /// `null` read as one first).
  static std::string key_text(const YamlEvent& e) {
    std::string_view t = e.text;
    if (e.quoted || t.empty()) return std::string(t);
    // Only a number (a key starts with neither a sign nor a dot) or one of plain_scalar's
    // words (at most 5 letters, starting with one of these) reads as other than itself.
    bool number = t[0] >= '0' && t[0] <= '9';
    bool word = t.size() <= 5 && std::string_view("nNtTfF~").find(t[0]) != std::string_view::npos;
    if (!number && !word) return std::string(t);
    return plain_scalar(t).to_text();
  }

  /// The value whose first event is events_[i]; i ends past its last.
  bool node(size_t& i, Value& out) {
    const YamlEvent& e = events_[i++];
    Pos at = pos(e);
    switch (e.kind) {
      case YamlEvent::Kind::kScalar:
        out = e.quoted ? Value(e.text) : plain_scalar(e.text);
        break;
      case YamlEvent::Kind::kListStart: {
        List list;
        list.reserve(static_cast<size_t>(e.members));
        while (events_[i].kind != YamlEvent::Kind::kListEnd) {
          if (!node(i, list.emplace_back())) return false;
        }
        ++i;
        out = Value(std::move(list));
        break;
      }
      case YamlEvent::Kind::kMapStart: {
        Map map;
        map.reserve(static_cast<size_t>(e.members));
        while (events_[i].kind != YamlEvent::Kind::kMapEnd) {
          const YamlEvent& k = events_[i++];
          Pos key_pos = pos(k);
          std::string key = key_text(k);
          for (const auto& [name, existing] : map) {
            if (name == key) {
              diags_.error(path_, key_pos,
                           "the key '" + key + "' appears twice in the same map (first on line " +
                               std::to_string(existing.key_pos.line) + ")",
                           "remove one of them");
              return false;
            }
          }
          auto& member = map.emplace_back(std::move(key), Value());
          if (!node(i, member.second)) return false;
          member.second.key_pos = key_pos;
        }
        ++i;
        out = Value(std::move(map));
        break;
      }
      default:  // an end without its start: not made by simple_yaml_events
        break;
    }
    out.pos = at;
    return true;
  }
};

/// The text (valid UTF-8, no BOM, no tab in indentation) through yaml-cpp.
Value parse_with_yaml_cpp(std::string_view text, const std::string& path, Diagnostics& diags,
                          int line_offset) {
  std::string copy(text);
  std::istringstream in(copy);
  Builder builder(copy, path, diags, line_offset);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    if (!builder.failed) {
      if (int line = detail::next_document_line(parser, copy); line >= 0) {
        builder.fail({line + 1 + line_offset, 1},
                     "a second YAML document starts here; Firefly reads one document a file, "
                     "so everything from here on would be left out",
                     "remove this line, so that what follows it is read with the rest");
      }
    }
  } catch (const YAML::ParserException& e) {
    builder.fail(
        ColumnCounter(copy, line_offset)(e.mark), detail::plain_message(e.msg),
        e.msg == YAML::ErrorMsg::MAP_VALUE ? detail::colon_in_value_help(copy, e.mark.line)
        : e.msg == YAML::ErrorMsg::UNKNOWN_TOKEN
            ? detail::reserved_start_help(copy, static_cast<size_t>(std::max(0, e.mark.pos)))
            : "");
  } catch (const YAML::Exception& e) {
    builder.fail({line_offset + 1, 1}, detail::plain_message(e.msg), "");
  }
  if (builder.failed || builder.reported) return Value();
  return builder.result;
}

/// Whether `text` is valid UTF-8 without tabs in indentation (else reported); `text`
/// loses its BOM.
bool check_text(std::string_view& text, const std::string& path, Diagnostics& diags,
                int line_offset) {
  if (text.size() > kMaxYamlBytes) {
    // Read, a YAML file takes about 70 times its size (16 MB of a list: 1.1 GB).
    diags.error(path, {1 + line_offset, 1},
                "this YAML has " + std::to_string(text.size() / 1024) +
                    " KB; Firefly reads at "
                    "most " +
                    std::to_string(kMaxYamlBytes / 1024) + " KB of YAML in one file",
                "keep long lists of figures in a dataset's CSV file");
    return false;
  }
  Pos bad = first_invalid_utf8(text);
  if (bad.line || saved_as_utf16(text)) {
    diags.error(path, bad.line ? Pos{bad.line + line_offset, bad.col} : Pos{1 + line_offset, 1},
                bad.line ? kNotUtf8 : kUtf16WithoutMark,
                not_utf8_help(text, "save the file as UTF-8"));
    return false;
  }
  text = strip_bom(text);
  // A NUL byte typed raw (a file cut short by a crash, bytes pasted from a binary) ends
  // yaml-cpp's reading of a plain value: 'bad character found while scanning hex number',
  // a line further on, without the line shown. One memchr over the text.
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    Pos at = pos_of_offset(text, nul);
    diags.error(path, {at.line + line_offset, at.col},
                "this line has an invisible control character (U+0000)",
                "remove it: pages and feeds cannot show it (it often comes with text pasted from "
                "another program, or with a file that was not saved whole)");
    return false;
  }
  return detail::check_tabs(text, path, diags, line_offset);
}

}  // namespace

std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

Value parse_yaml(std::string_view text, const std::string& path, Diagnostics& diags,
                 int line_offset) {
  std::string lines;
  text = detail::lone_cr_as_lf(text, lines);
  if (!check_text(text, path, diags, line_offset)) return Value();
  // The plain shapes of front matter, read to the events yaml-cpp would give. A text with
  // an invisible control character goes to yaml-cpp's reader, which reports it with the
  // key it is the value of.
  if (find_control_char(text).offset != std::string_view::npos) {
    return parse_with_yaml_cpp(text, path, diags, line_offset);
  }
  if (std::optional<std::vector<YamlEvent>> events = simple_yaml_events(text)) {
    return EventTree(*events, text, path, diags, line_offset).build();
  }
  return parse_with_yaml_cpp(text, path, diags, line_offset);
}

Value parse_yaml_general(std::string_view text, const std::string& path, Diagnostics& diags,
                         int line_offset) {
  std::string lines;
  text = detail::lone_cr_as_lf(text, lines);
  if (!check_text(text, path, diags, line_offset)) return Value();
  return parse_with_yaml_cpp(text, path, diags, line_offset);
}

}  // namespace firefly
