// Builds the node tree of a template from its tokens, and compile().
//
// Block reindentation (inheritance module): when a block's opening tag stands
// alone on its line, the block's indentation is that of its first content line
// ("intrinsic" indentation). That indentation is removed from every line of the
// block where it is defined, and added back where the block is expanded, so an
// overriding block takes the indentation of the block it replaces.
#include <optional>

#include "mustache/lexer.h"
#include "mustache/node.h"
#include "mustache/template.h"

namespace firefly::mustache {

Template::Template() = default;
Template::~Template() = default;

namespace {

using detail::NamePart;
using detail::Node;
using detail::NodeKind;
using detail::Token;
using detail::TokenKind;

constexpr size_t kMaxNesting = 100;

Pos pos_at(std::string_view src, size_t offset) {
  Pos pos{1, 1};
  for (size_t i = 0; i < offset && i < src.size(); ++i) {
    if (src[i] == '\n') {
      ++pos.line;
      pos.col = 1;
    } else if ((static_cast<unsigned char>(src[i]) & 0xC0) != 0x80) {
      ++pos.col;
    }
  }
  return pos;
}

/// `s` without the longest prefix it shares with `indent`.
std::string_view strip(std::string_view s, std::string_view indent) {
  size_t n = 0;
  while (n < s.size() && n < indent.size() && s[n] == indent[n]) ++n;
  return s.substr(n);
}

std::vector<NamePart> split_path(std::string_view name) {
  std::vector<NamePart> parts;
  if (name == ".") return parts;
  while (true) {
    size_t dot = name.find('.');
    std::string_view part = name.substr(0, dot);
    parts.push_back(NamePart{std::string(part), Value::key_hash(part)});
    if (dot == std::string_view::npos) break;
    name.remove_prefix(dot + 1);
  }
  return parts;
}

class Parser {
 public:
  Parser(std::string_view src, const std::vector<Token>& tokens) : src_(src), tokens_(tokens) {}

  std::optional<ParseError> run(std::vector<Node>& nodes, std::vector<PartialRef>& refs) {
    stack_.push_back(Open{});
    for (size_t k = 0; k < tokens_.size(); ++k) {
      if (!token(k, refs)) return error_;
    }
    if (stack_.size() > 1) {
      const Token& t = tokens_[stack_.back().token];
      return ParseError{std::string(t.raw) + " is never closed", pos_at(src_, t.offset)};
    }
    nodes = std::move(stack_.front().node.children);
    return std::nullopt;
  }

 private:
  struct Open {
    Node node;
    size_t token = 0;
    std::string strip;  ///< indentation removed from the start of each line inside
  };

  bool fail(std::string message, size_t offset) {
    error_ = ParseError{std::move(message), pos_at(src_, offset)};
    return false;
  }

  bool line_start(size_t offset) const { return offset == 0 || src_[offset - 1] == '\n'; }
  std::string_view current_strip() const { return stack_.back().strip; }

  void add(Node node) {
    Node& parent = stack_.back().node;
    // Inside a parent tag only blocks count; text and other tags there are ignored.
    if (stack_.size() > 1 && parent.kind == NodeKind::kParent && node.kind != NodeKind::kBlock) {
      return;
    }
    if (node.kind == NodeKind::kText && !parent.children.empty() &&
        parent.children.back().kind == NodeKind::kText) {
      parent.children.back().text += node.text;
      return;
    }
    parent.children.push_back(std::move(node));
  }

  bool open(Node node, size_t k, std::string strip) {
    if (stack_.size() > kMaxNesting) {
      return fail("sections nest more than " + std::to_string(kMaxNesting) + " levels deep",
                  tokens_[k].offset);
    }
    stack_.push_back(Open{std::move(node), k, std::move(strip)});
    return true;
  }

  bool close(size_t k) {
    const Token& t = tokens_[k];
    if (stack_.size() == 1) {
      return fail(std::string(t.raw) + " closes nothing: there is no open section named '" +
                      std::string(t.text) + "'",
                  t.offset);
    }
    const Token& opener = tokens_[stack_.back().token];
    std::string expected = opener.dynamic ? "*" + std::string(opener.text) : "";
    if (t.text != (opener.dynamic ? std::string_view(expected) : opener.text)) {
      Pos at = pos_at(src_, opener.offset);
      return fail(std::string(t.raw) + " closes " + std::string(opener.raw) + " (line " +
                      std::to_string(at.line) + ", column " + std::to_string(at.col) + ")",
                  t.offset);
    }
    Node node = std::move(stack_.back().node);
    stack_.pop_back();
    if (node.kind == NodeKind::kBlock) node.ends_line = node.standalone && t.standalone;
    add(std::move(node));
    return true;
  }

  /// The indentation of a standalone block opened by token `k`: that of its first
  /// non-blank content line, or of the tag itself when the block is empty.
  std::string_view intrinsic_indent(size_t k) const {
    size_t m = k + 1;
    while (m < tokens_.size() && tokens_[m].kind != TokenKind::kText) ++m;
    if (m < tokens_.size() && tokens_[m].removed) ++m;  // the opener line's end
    for (; m < tokens_.size(); ++m) {
      const Token& t = tokens_[m];
      if (t.kind == TokenKind::kClose) return tokens_[k].indent;  // an empty block
      if (t.kind != TokenKind::kText) return {};
      std::string_view s = t.text;
      size_t ws = 0;
      while (ws < s.size() && detail::is_blank(s[ws])) ++ws;
      std::string_view rest = s.substr(ws);
      if (rest == "\n" || rest == "\r\n") continue;  // blank line
      if (rest.empty() && m + 1 < tokens_.size() && tokens_[m + 1].kind == TokenKind::kClose) {
        return tokens_[k].indent;
      }
      return s.substr(0, ws);
    }
    return tokens_[k].indent;
  }

  /// The blanks before inline token `k` when only blanks precede it on its line.
  std::string_view inline_indent(size_t k) const {
    if (k == 0) return {};
    const Token& prev = tokens_[k - 1];
    if (prev.kind != TokenKind::kText || prev.removed || !line_start(prev.offset)) return {};
    for (char c : prev.text) {
      if (!detail::is_blank(c)) return {};
    }
    return strip(prev.text, current_strip());
  }

  bool token(size_t k, std::vector<PartialRef>& refs) {
    const Token& t = tokens_[k];
    Node node;
    node.text = std::string(t.text);
    switch (t.kind) {
      case TokenKind::kText: {
        if (t.removed) return true;
        std::string_view s = line_start(t.offset) ? strip(t.text, current_strip()) : t.text;
        if (!s.empty()) {
          node.text = std::string(s);
          add(std::move(node));
        }
        return true;
      }
      case TokenKind::kComment:
      case TokenKind::kDelimiter:
        return true;
      case TokenKind::kVar:
      case TokenKind::kRawVar:
        node.kind = t.kind == TokenKind::kVar ? NodeKind::kVar : NodeKind::kRawVar;
        node.path = split_path(t.text);
        add(std::move(node));
        return true;
      case TokenKind::kSection:
      case TokenKind::kInverted:
        node.kind = t.kind == TokenKind::kSection ? NodeKind::kSection : NodeKind::kInverted;
        node.path = split_path(t.text);
        return open(std::move(node), k, std::string(current_strip()));
      case TokenKind::kPartial:
      case TokenKind::kParent:
        node.kind = t.kind == TokenKind::kPartial ? NodeKind::kPartial : NodeKind::kParent;
        node.dynamic = t.dynamic;
        if (t.dynamic) node.path = split_path(t.text);
        node.standalone = t.standalone;
        if (t.standalone) node.indent = std::string(strip(t.indent, current_strip()));
        if (!t.dynamic) {
          refs.push_back(
              PartialRef{node.text, pos_at(src_, t.offset), t.kind == TokenKind::kParent});
        }
        if (t.kind == TokenKind::kPartial) {
          add(std::move(node));
          return true;
        }
        return open(std::move(node), k, std::string(current_strip()));
      case TokenKind::kBlock: {
        node.kind = NodeKind::kBlock;
        if (!t.standalone) {
          node.indent = std::string(inline_indent(k));
          return open(std::move(node), k, std::string(current_strip()));
        }
        std::string_view own = intrinsic_indent(k);
        node.standalone = true;
        node.indent = std::string(strip(own, current_strip()));
        return open(std::move(node), k, std::string(own));
      }
      case TokenKind::kClose:
        return close(k);
    }
    return true;
  }

  std::string_view src_;
  const std::vector<Token>& tokens_;
  std::vector<Open> stack_;
  ParseError error_;
};

}  // namespace

std::variant<std::shared_ptr<const Template>, ParseError> compile(std::string_view source) {
  auto lexed = detail::lex(source);
  if (auto* err = std::get_if<detail::LexError>(&lexed)) {
    return ParseError{std::move(err->message), pos_at(source, err->offset)};
  }
  const auto& tokens = std::get<std::vector<Token>>(lexed);
  std::shared_ptr<Template> t(new Template());
  if (auto err = Parser(source, tokens).run(t->nodes_, t->partials_)) return *std::move(err);
  return std::shared_ptr<const Template>(std::move(t));
}

}  // namespace firefly::mustache
