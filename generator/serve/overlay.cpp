#include "serve/overlay.h"

#include <string>
#include <vector>

#include "core/language_tag.h"
#include "core/text.h"

namespace firefly {

namespace {

/// Position of the last "</body" in `html`, case-insensitive, or npos.
size_t last_body_close(std::string_view html) {
  static constexpr std::string_view kTag = "</body";
  if (html.size() < kTag.size()) return std::string_view::npos;
  for (size_t i = html.size() - kTag.size() + 1; i-- > 0;) {
    bool match = true;
    for (size_t k = 0; k < kTag.size() && match; ++k) {
      char c = html[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      match = c == kTag[k];
    }
    if (match) return i;
  }
  return std::string_view::npos;
}

/// The overlay's words in one language.
struct OverlayWords {
  std::string_view code, html_lang, title, heading, advice;
};

constexpr OverlayWords kEnglish = {
    "en", "en", "Build failed", "The site could not be built",
    "Fix the errors below and save the file: this page reloads by itself."};
constexpr OverlayWords kOtherLanguages[] = {
    {"zh-TW", "zh-Hant-TW", "網站無法產生", "網站無法產生",
     "請修正下列錯誤並儲存檔案，本頁會自動重新載入。"},
    {"vi", "vi", "Không tạo được trang web", "Không tạo được trang web",
     "Hãy sửa các lỗi dưới đây rồi lưu tệp: trang này sẽ tự tải lại."},
    {"id", "id", "Situs gagal dibuat", "Situs tidak dapat dibuat",
     "Perbaiki kesalahan di bawah ini lalu simpan berkasnya: halaman ini akan dimuat ulang "
     "sendiri."},
    {"th", "th", "สร้างเว็บไซต์ไม่สำเร็จ", "ไม่สามารถสร้างเว็บไซต์ได้",
     "แก้ไขข้อผิดพลาดด้านล่างแล้วบันทึกไฟล์ หน้านี้จะโหลดใหม่เอง"},
    {"fil", "fil", "Hindi nabuo ang website", "Hindi mabuo ang website",
     "Ayusin ang mga mali sa ibaba at i-save ang file: kusang maglo-load muli ang pahinang ito."},
    {"ja", "ja", "サイトを作成できませんでした", "サイトを作成できませんでした",
     "下のエラーを直してファイルを保存してください。このページは自動で再読み込みされます。"},
    {"ko", "ko", "사이트를 만들지 못했습니다", "사이트를 만들 수 없습니다",
     "아래 오류를 고친 뒤 파일을 저장하십시오. 이 페이지는 자동으로 다시 불러옵니다."},
};

/// The words closest to `lang` (closest_language: vi-VN has the Vietnamese ones, tl the
/// Filipino ones), or nullptr for English.
const OverlayWords* words_for(std::string_view lang) {
  std::vector<std::string> codes;
  for (const OverlayWords& w : kOtherLanguages) codes.emplace_back(w.code);
  const std::string code = closest_language(lang, codes);
  for (const OverlayWords& w : kOtherLanguages) {
    if (w.code == code) return &w;
  }
  return nullptr;
}

}  // namespace

std::string reload_script(std::uint64_t generation) {
  return "<script>(function(){var s=new EventSource(\"" + std::string(kEventsPath) +
         "?since=" + std::to_string(generation) +
         "&path=\"+encodeURIComponent(location.pathname));s.addEventListener(\"reload\",function(){"
         "s.close();location.reload();});})();"
         "</script>";
}

std::string inject_reload_script(std::string_view html, std::uint64_t generation) {
  std::string script = reload_script(generation);
  size_t at = last_body_close(html);
  std::string out;
  out.reserve(html.size() + script.size() + 1);
  if (at == std::string_view::npos) {
    out.append(html);
    out += script;
    out += '\n';
  } else {
    out.append(html.substr(0, at));
    out += script;
    out += '\n';
    out.append(html.substr(at));
  }
  return out;
}

std::string error_overlay_page(std::string_view errors, std::uint64_t generation,
                               std::string_view lang) {
  const OverlayWords* local = words_for(lang);
  const OverlayWords& first = local ? *local : kEnglish;
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"" + std::string(first.html_lang) +
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>" +
      std::string(first.title) +
      " - Firefly preview</title>\n<style>\n"
      "body{margin:0;font:18px/1.7 system-ui,sans-serif;background:#fff;color:#1a1a1a}\n"
      "main{max-width:60rem;margin:2rem auto;padding:0 1rem}\n"
      "h1{color:#a4000f;font-size:1.6rem}\n"
      "pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fdf2f2;color:#1a1a1a;"
      "border-left:6px solid #a4000f;padding:1rem;font:16px/1.5 ui-monospace,monospace}\n"
      "</style>\n</head>\n<body>\n<main>\n<div role=\"alert\">\n"
      "<h1>" +
      std::string(first.heading) +
      "</h1>\n"
      "<p>" +
      std::string(first.advice) + "</p>\n";
  if (local) {
    page += "<p lang=\"en\"><strong>" + std::string(kEnglish.heading) + ".</strong> " +
            std::string(kEnglish.advice) + "</p>\n";
  }
  page += "<pre lang=\"en\">";
  page += html_escape(errors);
  page += "</pre>\n</div>\n</main>\n";
  page += reload_script(generation);
  page += "\n</body>\n</html>\n";
  return page;
}

}  // namespace firefly
