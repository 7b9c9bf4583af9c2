#include "mustache/lexer.h"

namespace firefly::mustache::detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool has_space(std::string_view s) {
  for (char c : s) {
    if (is_space(c)) return true;
  }
  return false;
}

/// Text made only of blanks, optionally ending in "\n" or "\r\n".
bool blank_line_rest(std::string_view s) {
  if (!s.empty() && s.back() == '\n') {
    s.remove_suffix(1);
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  }
  for (char c : s) {
    if (!is_blank(c)) return false;
  }
  return true;
}

TokenKind kind_of_sigil(char c) {
  switch (c) {
    case '#':
      return TokenKind::kSection;
    case '^':
      return TokenKind::kInverted;
    case '/':
      return TokenKind::kClose;
    case '>':
      return TokenKind::kPartial;
    case '<':
      return TokenKind::kParent;
    case '$':
      return TokenKind::kBlock;
    case '&':
      return TokenKind::kRawVar;
    case '!':
      return TokenKind::kComment;
    default:
      return TokenKind::kVar;
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view source) : src_(source) {}

  std::variant<std::vector<Token>, LexError> run() {
    size_t i = 0;
    while (i < src_.size()) {
      size_t open = src_.find(open_, i);
      add_text(i, open == std::string_view::npos ? src_.size() : open);
      if (open == std::string_view::npos) break;
      if (!tag(open, i)) return error_;
    }
    mark_standalone_lines();
    return std::move(tokens_);
  }

 private:
  void add_text(size_t from, size_t to) {
    while (from < to) {
      size_t nl = src_.find('\n', from);
      size_t end = (nl == std::string_view::npos || nl >= to) ? to : nl + 1;
      Token t;
      t.text = src_.substr(from, end - from);
      t.offset = from;
      tokens_.push_back(t);
      from = end;
    }
  }

  bool fail(std::string message, size_t offset) {
    error_ = LexError{std::move(message), offset};
    return false;
  }

  std::string unclosed(std::string_view opener, std::string_view closer) {
    return "'" + std::string(opener) + "' is never closed by '" + std::string(closer) + "'";
  }

  /// Reads the tag starting at `open`; sets `next` past it.
  bool tag(size_t open, size_t& next) {
    size_t p = open + open_.size();
    Token t;
    t.offset = open;
    size_t end = 0;  // one past the tag
    if (p < src_.size() && src_[p] == '{') {
      size_t close = src_.find(triple_close_, p + 1);
      if (close == std::string_view::npos) {
        return fail(unclosed(open_ + "{", triple_close_), open);
      }
      t.kind = TokenKind::kRawVar;
      t.text = trim(src_.substr(p + 1, close - p - 1));
      end = close + triple_close_.size();
    } else if (p < src_.size() && src_[p] == '=') {
      size_t close = src_.find(delim_close_, p + 1);
      if (close == std::string_view::npos) {
        return fail(unclosed(open_ + "=", delim_close_), open);
      }
      end = close + delim_close_.size();
      t.kind = TokenKind::kDelimiter;
      t.raw = src_.substr(open, end - open);
      if (!set_delimiters(trim(src_.substr(p + 1, close - p - 1)), t.raw, open)) return false;
      tokens_.push_back(t);
      next = end;
      return true;
    } else {
      size_t close = src_.find(close_, p);
      if (close == std::string_view::npos) return fail(unclosed(open_, close_), open);
      std::string_view body = src_.substr(p, close - p);
      end = close + close_.size();
      t.kind = body.empty() ? TokenKind::kVar : kind_of_sigil(body.front());
      t.text = trim(t.kind == TokenKind::kVar ? body : body.substr(1));
    }
    t.raw = src_.substr(open, end - open);
    if ((t.kind == TokenKind::kPartial || t.kind == TokenKind::kParent) && !t.text.empty() &&
        t.text.front() == '*') {
      t.dynamic = true;
      t.text = trim(t.text.substr(1));
    }
    if (t.kind != TokenKind::kComment) {
      if (t.text.empty()) return fail("the tag " + std::string(t.raw) + " has no name", open);
      if (has_space(t.text)) {
        return fail("the name in " + std::string(t.raw) + " contains a space", open);
      }
    }
    tokens_.push_back(t);
    next = end;
    return true;
  }

  bool set_delimiters(std::string_view body, std::string_view raw, size_t offset) {
    size_t gap = 0;
    while (gap < body.size() && !is_space(body[gap])) ++gap;
    std::string_view open = body.substr(0, gap);
    std::string_view close = trim(body.substr(gap));
    if (open.empty() || close.empty() || has_space(close) ||
        open.find('=') != std::string_view::npos || close.find('=') != std::string_view::npos) {
      return fail(std::string(raw) +
                      " must set two delimiters without '=', separated by a space, "
                      "like {{=<% %>=}}",
                  offset);
    }
    open_ = open;
    close_ = close;
    triple_close_ = "}" + close_;
    delim_close_ = "=" + close_;
    return true;
  }

  /// Marks the tags on lines that hold only tags and blanks as standalone, and the
  /// blanks and line end around them as removed.
  void mark_standalone_lines() {
    size_t i = 0;
    while (i < tokens_.size()) {
      size_t j = i;
      while (j < tokens_.size()) {
        const Token& t = tokens_[j++];
        if (t.kind == TokenKind::kText && t.text.back() == '\n') break;
      }
      mark_line(i, j);
      i = j;
    }
  }

  void mark_line(size_t a, size_t b) {
    std::string_view indent;
    Token* lead = nullptr;
    Token* trail = nullptr;
    if (tokens_[a].kind == TokenKind::kText) {
      if (tokens_[a].text.back() == '\n' || !blank_line_rest(tokens_[a].text)) return;
      indent = tokens_[a].text;
      lead = &tokens_[a++];
    }
    if (a < b && tokens_[b - 1].kind == TokenKind::kText) {
      if (!blank_line_rest(tokens_[b - 1].text)) return;
      trail = &tokens_[--b];
    }
    if (a >= b) return;
    for (size_t k = a; k < b; ++k) {
      TokenKind kind = tokens_[k].kind;
      if (kind == TokenKind::kText || kind == TokenKind::kVar || kind == TokenKind::kRawVar) {
        return;
      }
      // Several tags on one line: no partial (whose indentation would be ambiguous), and
      // no empty block ({{$b}}{{/b}}), which stands for content in the middle of a line.
      if (b - a > 1 && kind == TokenKind::kPartial) return;
      if (k + 1 < b && kind == TokenKind::kBlock && tokens_[k + 1].kind == TokenKind::kClose &&
          tokens_[k + 1].text == tokens_[k].text) {
        return;
      }
    }
    if (lead) lead->removed = true;
    if (trail) trail->removed = true;
    for (size_t k = a; k < b; ++k) {
      tokens_[k].standalone = true;
      tokens_[k].indent = indent;
    }
  }

  std::string_view src_;
  std::string open_ = "{{";
  std::string close_ = "}}";
  std::string triple_close_ = "}}}";
  std::string delim_close_ = "=}}";
  std::vector<Token> tokens_;
  LexError error_;
};

}  // namespace

std::variant<std::vector<Token>, LexError> lex(std::string_view source) {
  return Lexer(source).run();
}

}  // namespace firefly::mustache::detail
