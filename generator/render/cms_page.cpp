#include "render/cms_page.h"

#include <string_view>
#include <vector>

#include "core/language_tag.h"
#include "core/text.h"

namespace firefly {
namespace {

/// The admin page's words in one language; `failed` has "{url}" where the address goes.
struct AdminWords {
  std::string_view code, loading, failed, noscript;
};

constexpr AdminWords kEnglish = {
    "en", "Loading the editor…",
    "The editor could not be loaded from {url}. Check the network connection and reload this "
    "page; if it still fails, ask the site's maintainer to serve the editor's script from an "
    "address the office network allows (script: under cms: in site.yaml).",
    "The editor needs JavaScript: turn it on in the browser and reload this page."};

constexpr AdminWords kOtherLanguages[] = {
    {"zh-TW", "正在載入編輯器…",
     "無法從 {url} 載入編輯器。請檢查網路連線後重新整理本頁；若仍失敗，請網站維護人員把編輯器的"
     "程式放在機關網路可以連到的位址（site.yaml 裡 cms: 之下的 script:）。",
     "編輯器需要 JavaScript：請在瀏覽器中開啟後重新整理本頁。"},
    {"vi", "Đang tải trình soạn thảo…",
     "Không tải được trình soạn thảo từ {url}. Hãy kiểm tra kết nối mạng rồi tải lại trang; nếu "
     "vẫn lỗi, hãy nhờ người quản trị trang đặt tệp script của trình soạn thảo ở địa chỉ mà mạng "
     "cơ quan truy cập được (script: trong cms: của site.yaml).",
     "Trình soạn thảo cần JavaScript: hãy bật JavaScript trong trình duyệt rồi tải lại trang."},
    {"id", "Memuat editor…",
     "Editor tidak dapat dimuat dari {url}. Periksa koneksi jaringan lalu muat ulang halaman ini; "
     "jika masih gagal, minta pengelola situs menaruh skrip editor di alamat yang dapat dijangkau "
     "jaringan kantor (script: di bawah cms: dalam site.yaml).",
     "Editor memerlukan JavaScript: aktifkan di peramban lalu muat ulang halaman ini."},
    {"th", "กำลังโหลดโปรแกรมแก้ไข…",
     "โหลดโปรแกรมแก้ไขจาก {url} ไม่ได้ ตรวจสอบการเชื่อมต่อเครือข่ายแล้วโหลดหน้านี้ใหม่ "
     "หากยังไม่ได้ ให้ผู้ดูแลเว็บไซต์วางสคริปต์ของโปรแกรมแก้ไขไว้ที่ที่อยู่ที่เครือข่ายของสำนักงานเข้าถึงได้ "
     "(script: ใต้ cms: ใน site.yaml)",
     "โปรแกรมแก้ไขต้องใช้ JavaScript: เปิดใช้ในเบราว์เซอร์แล้วโหลดหน้านี้ใหม่"},
    {"fil", "Nilo-load ang editor…",
     "Hindi ma-load ang editor mula sa {url}. Tingnan ang koneksyon sa network at i-reload ang "
     "pahinang ito; kung hindi pa rin gumagana, hilingin sa tagapangasiwa ng website na ilagay "
     "ang script ng editor sa isang address na naaabot ng network ng opisina (script: sa ilalim "
     "ng cms: sa site.yaml).",
     "Kailangan ng editor ang JavaScript: i-on ito sa browser at i-reload ang pahinang ito."},
    {"ja", "編集画面を読み込んでいます…",
     "{url} "
     "から編集画面を読み込めませんでした。ネットワークの接続を確認して、このページを再読み込み"
     "してください。それでも読み込めない場合は、サイトの管理者に、編集画面のスクリプトを庁内の"
     "ネットワークから接続できるアドレスに置くよう依頼してください（site.yaml の cms: の "
     "script:）。",
     "編集画面には JavaScript "
     "が必要です。ブラウザーで有効にして、このページを再読み込みしてください。"},
    {"ko", "편집기를 불러오는 중…",
     "{url}에서 편집기를 불러오지 못했습니다. 네트워크 연결을 확인한 뒤 이 페이지를 새로 "
     "고치십시오. "
     "그래도 안 되면 사이트 관리자에게 편집기 스크립트를 기관 네트워크에서 접속할 수 있는 주소에 "
     "두도록 요청하십시오(site.yaml의 cms: 아래 script:).",
     "편집기에는 JavaScript가 필요합니다. 브라우저에서 켠 뒤 이 페이지를 새로 고치십시오."},
};

/// The words closest to the site's default language first (closest_language: vi-VN has
/// the Vietnamese ones, tl the Filipino ones), then English (once).
std::vector<const AdminWords*> words_for(std::string_view lang) {
  std::vector<const AdminWords*> out;
  std::vector<std::string> codes;
  for (const AdminWords& w : kOtherLanguages) codes.emplace_back(w.code);
  const std::string code = closest_language(lang, codes);
  for (const AdminWords& w : kOtherLanguages) {
    if (w.code == code) out.push_back(&w);
  }
  out.push_back(&kEnglish);
  return out;
}

/// One <p> per language of `text` (a member of AdminWords), with its lang attribute.
std::string paragraphs(const std::vector<const AdminWords*>& words,
                       std::string_view AdminWords::*text, const std::string& url) {
  std::string out;
  for (const AdminWords* w : words) {
    std::string escaped = html_escape(w->*text);
    if (size_t at = escaped.find("{url}"); at != std::string::npos) {
      escaped.replace(at, 5, "<code>" + html_escape(url) + "</code>");
    }
    out += "<p lang=\"" + std::string(w->code == "zh-TW" ? "zh-Hant-TW" : w->code) + "\">" +
           escaped + "</p>\n";
  }
  return out;
}

}  // namespace

std::string cms_admin_page(const SiteConfig& config) {
  const Language& lang = config.default_language();
  const std::string& script = config.cms->script;
  std::vector<const AdminWords*> words = words_for(lang.code);
  const std::string title = html_escape(config.title.get(lang.code, lang.code));
  return "<!doctype html>\n<html lang=\"" + html_escape(lang.html_lang) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"robots\" content=\"noindex\">\n<title>" +
         title +
         " — CMS</title>\n"
         "<link href=\"config.yml\" type=\"application/yaml\" rel=\"cms-config-url\">\n"
         "<style>#cms-status{font:18px/1.6 system-ui,sans-serif;color:#1a1a1a;max-width:40rem;"
         "margin:2rem auto;padding:0 1rem}#cms-status "
         "h1{font-size:1.5rem}#cms-failed{border-left:6px solid #a4000f;"
         "padding-left:1rem}#cms-status code{overflow-wrap:anywhere}</style>\n"
         "</head>\n<body>\n<main id=\"cms-status\">\n<h1>" +
         title + " — CMS</h1>\n<div role=\"status\" id=\"cms-loading\">\n" +
         paragraphs(words, &AdminWords::loading, script) +
         "</div>\n<div role=\"alert\" id=\"cms-failed\" hidden>\n" +
         paragraphs(words, &AdminWords::failed, script) + "</div>\n<noscript>\n" +
         paragraphs(words, &AdminWords::noscript, script) +
         "</noscript>\n</main>\n"
         // Loaded: the CMS draws its own page. Not loaded: the message replaces "loading".
         "<script src=\"" +
         html_escape(script) +
         "\" onload=\"document.getElementById('cms-status').remove()\" "
         "onerror=\"document.getElementById('cms-loading').hidden=true;"
         "document.getElementById('cms-failed').hidden=false\"></script>\n</body>\n</html>\n";
}

}  // namespace firefly
