#!/usr/bin/env python3
"""Writes a synthetic bilingual (zh-TW, en) labour-portal corpus for benchmarks.

One corpus, two layouts, so Firefly and Hugo are timed on the same work:

  --format firefly   site.yaml, content/stories/story-NNNNN.<lang>.md, data/*.csv + *.yaml
  --format hugo      hugo.yaml, the same stories as content/stories/story-NNNNN.<lang>.md
                     (Hugo's language codes), a small theme with single, list, term and
                     RSS templates, and the same data/ and static/ files

Options:
  --stories N    stories, each in both languages (default 1000)
  --datasets N   yearly outcome datasets (default 20)
  --seed N       the output is the same for the same seed (default 42)
  --vocab N      mix N extra words per language into the text, drawn by rank (the k-th
                 word with weight 1/k), so that the corpus has both rare and common
                 terms, as real text does; for search benchmarks. Without it every page
                 draws from the same ~80 words (the worst case for a search index).

Text is random words, not prose. Each story has headings, a table, a list, an image with
alt text and a relative link to another story, like the sample portal's stories.
"""
import argparse
import os
import random
import shutil
from pathlib import Path

LANGS = ("zh-TW", "en")
HUGO_LANG = {"zh-TW": "zh-tw", "en": "en"}

COMMON = {
    "zh-TW": (
        "勞工 志工 修繕 工會 長者 高齡 服務 家庭 計畫 成果 培訓 就業 職訓 課程 學員 "
        "社區 安全 健康 職場 專業 團隊 學習 平台 媒合 輔導 補助 推動 協助 完成 參與 "
        "年度 市民 城市 故事 分享 經驗 木工 油漆 電氣 泥水 義剪 家具 房屋 居住 環境 "
        "改善 關懷 訪視 照顧 證照 講師 論壇 對話 政策 權益 宣導 校園 種子 教師 身障 "
        "手語 翻譯 移工 雇主 青年 銀髮 退休 技能 傳承 友善 尊嚴 陪伴 活力 貢獻"
    ).split(),
    "en": (
        "labour volunteer repair union senior ageing service family programme outcome "
        "training employment course trainee community safety health workplace skilled "
        "team learning platform matching guidance subsidy promote assist complete join "
        "annual citizen city story share experience carpentry painting wiring masonry "
        "haircut furniture housing home improve care visit caregiver licence lecturer "
        "forum dialogue policy rights outreach campus teacher disability sign interpreter "
        "migrant employer youth retiree skills mentor friendly dignity company energy"
    ).split(),
}
# Characters for rare Chinese words of --vocab (two or three of them each).
HAN = (
    "安百邦寶北本比筆邊別冰病博步部才財採參倉草層茶產長常場車成城程池齒充出初除處傳船春"
    "詞次從村達大代帶單當道德燈地第點電定東冬動讀度對多兒發法帆方房放飛分風服福府富改港"
    "高歌工公功共古穀關觀光廣國海漢好和河黑紅後湖花華話懷環黃會火機雞基吉集計記家價間見"
    "江交郊街節金錦進經井景鏡九久居橘舉句卷開看康科可課空口快寬礦蘭朗老樂雷里理力立連林"
    "領流六龍路綠論馬滿貓美門米民明名木目南內年鳥農女歐盤朋皮平坡七期奇旗千橋清晴秋區泉"
)
EN_SYLLABLES = ("ka", "lo", "mi", "ter", "san", "vo", "ril", "den", "ma", "tu", "pel", "gor",
                "ni", "sha", "bel", "cor", "dun", "ves", "pra", "lin")
PROGRAMS = {
    "learning": ("教育及終身學習", "Education and lifelong learning"),
    "participation": ("社會參與", "Social participation"),
    "contribution": ("價值貢獻", "Contributing value"),
    "health": ("促進健康", "Health promotion"),
    "employment": ("促進就業", "Employment"),
}
TAGS = 50
IMAGES = 20


class Words:
    """Draws words of one language: the common ones, and ranked rare ones with --vocab."""

    def __init__(self, lang, rare):
        self.lang = lang
        self.common = COMMON[lang]
        self.rare = rare
        self.weights = [1.0 / (k + 1) for k in range(len(rare))]

    def pick(self, rng, n):
        words = [rng.choice(self.common) for _ in range(n)]
        if self.rare:  # every other word comes from the ranked list
            rare = rng.choices(self.rare, weights=self.weights, k=n // 2)
            for k, w in enumerate(rare):
                words[2 * k + 1] = w
        return words

    def sentence(self, rng):
        words = self.pick(rng, rng.randint(8, 20))
        if self.lang == "zh-TW":
            return "".join(words) + "。"
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, rng):
        joiner = "" if self.lang == "zh-TW" else " "
        return joiner.join(self.sentence(rng) for _ in range(rng.randint(3, 6)))


def rare_words(n, seed):
    """N distinct invented words per language, in a fixed order for the seed."""
    rng = random.Random(f"vocab-{seed}")
    out = {}
    for lang in LANGS:
        seen, words = set(COMMON[lang]), []
        while len(words) < n:
            if lang == "zh-TW":
                w = "".join(rng.choice(HAN) for _ in range(rng.choice((2, 2, 3))))
            else:
                w = "".join(rng.choice(EN_SYLLABLES) for _ in range(rng.choice((2, 3, 3, 4))))
            if w not in seen:
                seen.add(w)
                words.append(w)
        out[lang] = words
    return out


class Story:
    """What both languages of one story share: date, programme, tags, linked story."""

    def __init__(self, rng, i, n):
        self.slug = f"story-{i:05d}"
        self.date = f"{2015 + i % 9:04d}-{1 + i * 5 % 12:02d}-{1 + i * 11 % 28:02d}"
        self.program = list(PROGRAMS)[i % len(PROGRAMS)]
        self.tags = sorted({f"tag-{rng.randrange(TAGS):02d}" for _ in range(3)})
        self.image = f"/images/story-{i % IMAGES:02d}.svg"
        self.related = f"story-{(i * 7919 + 13) % n:05d}"

    def markdown(self, rng, words):
        zh = words.lang == "zh-TW"
        title = words.sentence(rng).rstrip("。.")[:40]
        blocks = []
        for k in range(rng.randint(4, 8)):
            if k == 2:
                blocks.append("## " + ("修繕紀錄" if zh else "Repair log"))
            blocks.append(words.paragraph(rng))
        table = ["| 年度 | 戶數 | 志工人數 |" if zh else "| Year | Homes | Volunteers |",
                 "|---:|---:|---:|"]
        table += [f"| {y} | {rng.randint(5, 120):,} | {rng.randint(10, 400):,} |"
                  for y in range(2019, 2024)]
        blocks.append("\n".join(table))
        blocks.append("\n".join("- " + words.sentence(rng) for _ in range(3)))
        alt = "志工修繕屋頂" if zh else "Volunteers repairing a roof"
        blocks.append(f"![{alt}]({self.image})")
        label = "相關故事" if zh else "Related story"
        blocks.append(f"{label}: [{self.related}](../{self.related}/)")
        front = (f'---\ntitle: "{title}"\ndate: {self.date}\nprograms: [{self.program}]\n'
                 f"tags: [{', '.join(self.tags)}]\n---\n\n")
        return front + "\n\n".join(blocks) + "\n"


def write(root, rel, text):
    path = Path(root) / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_stories(root, rng, args, words, lang_code):
    """Both languages of every story; lang_code maps a language to its file suffix."""
    for i in range(args.stories):
        story = Story(rng, i, args.stories)
        for lang in LANGS:
            write(root, f"content/stories/{story.slug}.{lang_code[lang]}.md",
                  story.markdown(rng, words[lang]))
    for lang in LANGS:
        title = "故事" if lang == "zh-TW" else "Stories"
        write(root, f"content/stories/_index.{lang_code[lang]}.md", f"---\ntitle: {title}\n---\n")


def write_shared_files(root, rng, datasets):
    """The datasets and the images, the same in both layouts."""
    for d in range(datasets):
        name = f"outcome-{d:03d}"
        rows = ["year,indicator,value,unit"]
        rows += [f"{y},indicator-{d},{rng.randint(100, 99999)},persons" for y in range(2011, 2024)]
        write(root, f"data/{name}.csv", "\n".join(rows) + "\n")
        write(root, f"data/{name}.yaml",
              f"title:\n  zh-TW: 成果指標 {d}\n  en: Outcome indicator {d}\n"
              "description:\n  zh-TW: 年度成果統計\n  en: Annual outcome statistics\n"
              "license: OGDL-Taiwan-1.0\nfrequency: yearly\ncolumns:\n"
              "  - {name: year, type: integer, title: {zh-TW: 年度, en: Year}}\n"
              "  - {name: indicator, type: string, title: {zh-TW: 指標, en: Indicator}}\n"
              "  - {name: value, type: number, title: {zh-TW: 數值, en: Value}}\n"
              "  - {name: unit, type: string, title: {zh-TW: 單位, en: Unit}}\n")
    for k in range(IMAGES):
        colour = (k * 0x1E240) % 0xFFFFFF
        write(root, f"static/images/story-{k:02d}.svg",
              '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
              f'<rect width="64" height="64" fill="#{colour:06x}"/></svg>\n')


def firefly_layout(root, rng, args, words):
    write(root, "site.yaml",
          "title:\n  zh-TW: 勞工局公開資訊網（測試）\n  en: Labour Bureau Open Results (test)\n"
          "base_url: https://example.org/\nlanguages:\n"
          "  - {code: zh-TW, html_lang: zh-Hant-TW, name: 中文, calendar: roc}\n"
          "  - {code: en, html_lang: en, name: English}\n"
          "taxonomies:\n"
          "  programs: {title: {zh-TW: 計畫, en: Programmes}}\n"
          "  tags: {title: {zh-TW: 標籤, en: Tags}}\n"
          "collections:\n"
          "  stories: {sort: date desc, paginate: 20, taxonomies: [programs, tags]}\n")
    for lang in LANGS:
        write(root, f"content/_index.{lang}.md",
              f"---\ntitle: {'首頁' if lang == 'zh-TW' else 'Home'}\n---\n")
    write_stories(root, rng, args, words, {lang: lang for lang in LANGS})
    write_shared_files(root, rng, args.datasets)


HUGO_TEMPLATES = {
    "_default/baseof.html": """<!doctype html>
<html lang="{{ .Site.LanguageCode }}">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}
</head>
<body>
<a href="#main">{{ i18n "skip" }}</a>
<header><nav><ul>{{ range .Site.Languages }}<li>{{ .LanguageName }}</li>{{ end }}</ul></nav></header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><p>{{ .Site.Title }}</p></footer>
</body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time>
{{ .Content }}
<ul>{{ range .Params.tags }}<li><a href="{{ "tags/" | relLangURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary }}</p></li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
""",
}


def hugo_layout(root, rng, args, words):
    write(root, "hugo.yaml",
          "baseURL: https://example.org/\ntitle: Labour Bureau Open Results (test)\n"
          "defaultContentLanguage: zh-tw\ntheme: bench\npaginate: 20\nhasCJKLanguage: true\n"
          "languages:\n"
          "  zh-tw: {languageCode: zh-Hant-TW, languageName: 中文, weight: 1, title: 勞工局公開資訊網（測試）}\n"
          "  en: {languageCode: en, languageName: English, weight: 2, title: Labour Bureau Open Results (test)}\n"
          "taxonomies: {program: programs, tag: tags}\n"
          "outputs: {home: [HTML, RSS], section: [HTML, RSS], taxonomy: [HTML], term: [HTML, RSS]}\n"
          "markup: {goldmark: {renderer: {unsafe: false}}}\n")
    for rel, text in HUGO_TEMPLATES.items():
        write(root, f"themes/bench/layouts/{rel}", text)
    write(root, "themes/bench/i18n/zh-tw.yaml", "skip: 跳到主要內容\n")
    write(root, "themes/bench/i18n/en.yaml", "skip: Skip to main content\n")
    write_stories(root, rng, args, words, HUGO_LANG)
    write_shared_files(root, rng, args.datasets)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=1000)
    ap.add_argument("--datasets", type=int, default=20)
    ap.add_argument("--out", required=True)
    ap.add_argument("--format", choices=("firefly", "hugo"), default="firefly")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--vocab", type=int, default=0,
                    help="extra words per language, drawn with weight 1/rank")
    args = ap.parse_args()
    if args.stories < 1 or args.datasets < 0 or args.vocab < 0:
        ap.error("--stories must be at least 1; --datasets and --vocab at least 0")
    rare = rare_words(args.vocab, args.seed) if args.vocab else {lang: [] for lang in LANGS}
    words = {lang: Words(lang, rare[lang]) for lang in LANGS}
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    layout = firefly_layout if args.format == "firefly" else hugo_layout
    layout(args.out, random.Random(args.seed), args, words)


if __name__ == "__main__":
    main()
