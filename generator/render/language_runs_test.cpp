#include "render/language_runs.h"

#include <doctest/doctest.h>

namespace firefly {

namespace {
const ScriptLanguages kTags{"zh-Hant-TW", "th", "vi"};
std::string mark(const std::string& html, const char* lang) {
  return mark_language_runs(html, lang, kTags);
}
}  // namespace

TEST_CASE("Chinese in another language's text is marked as Chinese, run by run") {
  CHECK(mark("<p>The bureau (臺南市勞工局) runs 做工行善團.</p>", "en") ==
        "<p>The bureau (<span lang=\"zh-Hant-TW\">臺南市勞工局</span>) runs "
        "<span lang=\"zh-Hant-TW\">做工行善團</span>.</p>");
  // Punctuation between characters stays in the run; around them it does not.
  CHECK(mark("<li>「希望家園‧幸福永續」論壇</li>", "vi") ==
        "<li>「<span lang=\"zh-Hant-TW\">希望家園‧幸福永續」論壇</span></li>");
  CHECK(mark("<p>ひらがなと漢字</p>", "th") == "<p><span lang=\"ja\">ひらがなと漢字</span></p>");
  CHECK(mark("<p>ไทย 臺南</p>", "id") ==
        "<p><span lang=\"th\">ไทย</span> <span lang=\"zh-Hant-TW\">臺南</span></p>");
  // Chinese text on a Chinese page is not marked.
  CHECK(mark("<p>臺南市勞工局</p>", "zh-Hant-TW") == "<p>臺南市勞工局</p>");
}

TEST_CASE("Vietnamese names in Chinese text are marked as Vietnamese; other Latin words not") {
  CHECK(mark("<p>移工阮氏花（Nguyễn Thị Hoa）與 NPO 合作。</p>", "zh-Hant-TW") ==
        "<p>移工阮氏花（<span lang=\"vi\">Nguyễn Thị Hoa</span>）與 NPO 合作。</p>");
  CHECK(mark("<p>Ông Đức nói</p>", "zh-Hant-TW") == "<p><span lang=\"vi\">Ông Đức nói</span></p>");
  CHECK(mark("<p>Hello World café</p>", "zh-Hant-TW") == "<p>Hello World café</p>");
  CHECK(mark("<p>Nguyễn Thị Hoa</p>", "en") == "<p>Nguyễn Thị Hoa</p>");  // only in Chinese
}

TEST_CASE("marked languages, attributes, comments and raw text are left as they are") {
  std::string own = "<p>Hsiao (<span lang=\"zh-Hant-TW\">蕭竹欽 <b>主席</b></span>) 臺南</p>";
  CHECK(mark(own, "en") ==
        "<p>Hsiao (<span lang=\"zh-Hant-TW\">蕭竹欽 <b>主席</b></span>) "
        "<span lang=\"zh-Hant-TW\">臺南</span></p>");
  CHECK(mark("<div lang='zh'><p>臺南</p></div><p>臺南</p>", "en") ==
        "<div lang='zh'><p>臺南</p></div><p><span lang=\"zh-Hant-TW\">臺南</span></p>");
  // An attribute holds no span: a title is left as it is, and an image whose whole alt
  // text is in the other script gets a lang of its own; one that mixes scripts does not.
  CHECK(mark("<img alt=\"臺南\" src=\"/a.jpg\"><a href=\"/臺南/\" title=\"臺南\">x</a>", "en") ==
        "<img lang=\"zh-Hant-TW\" alt=\"臺南\" src=\"/a.jpg\"><a href=\"/臺南/\" "
        "title=\"臺南\">x</a>");
  CHECK(mark("<img src=a.png alt='網站圖示：一隻螢火蟲 2024' />", "en") ==
        "<img lang=\"zh-Hant-TW\" src=a.png alt='網站圖示：一隻螢火蟲 2024' />");
  CHECK(mark("<img alt=\"The 臺南 office\" src=a.png>", "en") ==
        "<img alt=\"The 臺南 office\" src=a.png>");
  CHECK(mark("<img alt=\"臺南\" lang=\"ja\">", "en") == "<img alt=\"臺南\" lang=\"ja\">");
  CHECK(mark("<img alt=\"臺南\">", "zh-Hant-TW") == "<img alt=\"臺南\">");
  CHECK(mark("<img alt=\"Nguyễn Thị Hoa\">", "zh-Hant-TW") ==
        "<img lang=\"vi\" alt=\"Nguyễn Thị Hoa\">");
  CHECK(mark("<!--firefly-embed:0--><script>var a='臺南';</script><svg><text>臺南</text></svg>",
             "en") ==
        "<!--firefly-embed:0--><script>var a='臺南';</script><svg><text>臺南</text></svg>");
  CHECK(mark("<p data-x=\"a>b\">臺</p>", "en") ==
        "<p data-x=\"a>b\"><span lang=\"zh-Hant-TW\">臺</span></p>");
  // A blanklang= attribute or text "lang=" is not a lang.
  CHECK(mark("<p data-slang=\"x\">臺</p>", "en") ==
        "<p data-slang=\"x\"><span lang=\"zh-Hant-TW\">臺</span></p>");
}

TEST_CASE("text inside an element with a lang is marked against that element's language") {
  // A cell tagged English (a column whose `lang` says so) holding Chinese, on an Indonesian
  // page; Vietnamese inside a Chinese fallback on an English page.
  CHECK(mark("<td lang=\"en\">110年 total</td><td>臺南</td>", "id") ==
        "<td lang=\"en\">110<span lang=\"zh-Hant-TW\">年</span> total</td>"
        "<td><span lang=\"zh-Hant-TW\">臺南</span></td>");
  CHECK(mark("<div lang=zh-Hant-TW><p>移工 Nguyễn</p></div><p>Nguyễn 臺</p>", "en") ==
        "<div lang=zh-Hant-TW><p>移工 <span lang=\"vi\">Nguyễn</span></p></div>"
        "<p>Nguyễn <span lang=\"zh-Hant-TW\">臺</span></p>");
  // Inside the element, its own language is not marked; after it, the page's again.
  CHECK(mark("<p>臺</p><span lang='th'>ไทย 臺</span>", "zh-Hant-TW") ==
        "<p>臺</p><span lang='th'>ไทย <span lang=\"zh-Hant-TW\">臺</span></span>");
}

TEST_CASE("text without another script, and broken HTML, come back unchanged") {
  CHECK(mark("<p>Plain English &amp; more</p>", "en") == "<p>Plain English &amp; more</p>");
  CHECK(mark("<p>unclosed <b>臺南", "en") ==
        "<p>unclosed <b><span lang=\"zh-Hant-TW\">臺南</span>");
  CHECK(mark("</i></p>臺<", "en") == "</i></p><span lang=\"zh-Hant-TW\">臺</span><");
  CHECK(mark("<script>臺", "en") == "<script>臺");
  CHECK(mark("", "en").empty());
}

TEST_CASE("a site's tags: its own language for each script, the first one it has") {
  ScriptLanguages tags;
  for (const char* l : {"en", "zh-Hant-TW", "zh-Hans", "th-TH", "vi"}) tags.add(l);
  CHECK(tags.han == "zh-Hant-TW");
  CHECK(tags.thai == "th-TH");
  CHECK(tags.vietnamese == "vi");
  CHECK(ScriptLanguages().han == "zh");  // a site without Chinese: the bare code
}

TEST_CASE("a chart or table a page embeds: its caption marked, its drawing left as it is") {
  CHECK(mark("<figure><p class=\"chart-title\">Visits (各隊訪視)</p><svg><text>各隊</text></svg>"
             "<figcaption><a href=\"/en/data/v/\">Visits (各隊訪視)</a></figcaption></figure>",
             "en") ==
        "<figure><p class=\"chart-title\">Visits (<span lang=\"zh-Hant-TW\">各隊訪視</span>)</p>"
        "<svg><text>各隊</text></svg><figcaption><a href=\"/en/data/v/\">Visits (<span "
        "lang=\"zh-Hant-TW\">各隊訪視</span>)</a></figcaption></figure>");
}

TEST_CASE("text_language: the one other script a whole text is written in") {
  CHECK(text_language("蕭竹欽", "en", kTags) == "zh-Hant-TW");
  CHECK(text_language("蕭竹欽", "zh-Hant-TW", kTags) == "");  // the page's own script
  CHECK(text_language("蕭竹欽 (Hsiao)", "en", kTags) == "");  // mixed: no one language
  CHECK(text_language("สหภาพแรงงาน", "vi", kTags) == "th");
  CHECK(text_language("Nguyễn Văn An", "zh-Hant-TW", kTags) == "vi");
  CHECK(text_language("Nguyen Van An", "zh-Hant-TW", kTags) == "");  // no Vietnamese letter
  CHECK(text_language("Union", "en", kTags) == "");
  CHECK(text_language("", "en", kTags) == "");
}

}  // namespace firefly
