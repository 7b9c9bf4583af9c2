#include "load/vague_links.h"

#include "core/text.h"

namespace firefly {

namespace {

/// The phrases, in lower case (ASCII folded only: the others have no case).
constexpr std::string_view kVague[] = {
    // English
    "click here", "click", "here", "read more", "more", "learn more", "see more", "more info",
    "more information", "details", "link", "this link", "this page", "go",
    // 臺灣華語 (and the simplified forms a copied text may have)
    "這裡", "这里", "此處", "點此", "点此", "點這裡", "點擊這裡", "点击这里", "按此", "按這裡",
    "請點此", "請按此", "更多", "了解更多", "看更多", "閱讀更多", "詳情", "連結", "链接",
    // Tiếng Việt
    "tại đây", "ở đây", "đây", "bấm vào đây", "nhấn vào đây", "nhấp vào đây", "xem thêm",
    "chi tiết", "liên kết",
    // Bahasa Indonesia
    "di sini", "klik di sini", "sini", "selengkapnya", "baca selengkapnya", "lihat selengkapnya",
    "tautan", "lebih lanjut",
    // ภาษาไทย
    "ที่นี่", "คลิกที่นี่", "คลิก", "อ่านเพิ่มเติม", "เพิ่มเติม", "ลิงก์", "รายละเอียด",
    // Filipino
    "dito", "i-click dito", "mag-click dito", "pindutin dito", "i-click", "basahin pa",
    "magbasa pa", "higit pa", "alamin pa", "tingnan", "tingnan dito", "detalye", "mga detalye",
    "karagdagang impormasyon"};

/// `text` trimmed of white space and of the marks a link's words often end with.
std::string_view without_marks(std::string_view text) {
  text = trim(text);
  for (std::string_view mark : {">>", "»", "→", "…", "...", ":", "：", ">", "›"}) {
    if (text.size() > mark.size() && text.substr(text.size() - mark.size()) == mark) {
      text = trim(text.substr(0, text.size() - mark.size()));
    }
  }
  return text;
}

}  // namespace

bool is_vague_link_text(std::string_view text) {
  std::string lower = ascii_lower(without_marks(text));
  // Runs of white space (a link's words broken over two lines) count as one space.
  std::string words;
  for (char c : lower) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (words.empty() || words.back() == ' ')) continue;
    words += space ? ' ' : c;
  }
  if (!words.empty() && words.back() == ' ') words.pop_back();
  for (std::string_view v : kVague) {
    if (words == v) return true;
  }
  return false;
}

std::string vague_link_message(const VagueLink& link) {
  return "the link's words '" + std::string(trim(link.text)) + "' do not say where it leads";
}

std::string vague_link_hint() {
  return "screen readers list a page's links by their words alone: link the words that name "
         "what it opens, e.g. [the 2019 results](/data/results-2019/)";
}

}  // namespace firefly
