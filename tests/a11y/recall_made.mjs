// A second set of written recall queries, of the kinds recall_heldout.mjs lacks, and a small
// five-language site made for them (its pages hold what the portal's lack): figures as
// written on the page (86.97, 1,234, full-width ２０２３), dataset column titles and
// descriptions, taxonomy terms, words with apostrophes or hyphens (don't, e-mail,
// COVID-19), mixed scripts (LINE群組, App 下載), Thai words and Thai without spaces,
// Vietnamese with and without tones, Indonesian words, upper case and full-width Latin,
// one-character CJK queries, a quoted phrase that spans a heading and the paragraph after
// it, a page's title exactly, a typo'd space inside a CJK word (志 工) and punctuation
// around a query (「志工」, 志工。, 志工?); an emoji typed beside the words (志工❤️), words a
// page breaks with what a reader does not see (a soft hyphen, a zero-width joiner, a line
// break inside a Chinese sentence, zero-width spaces between Thai words), a sentence copied
// whole, a very common word beside a rarer one; what looks alike and is typed either way
// (Ð for Đ, ʼ for ’, ß as ss, Thai ำ as ํ and า, เเ for แ, on a page or in a query), text
// copied from a PDF (ﬁ, Ⅻ, m²), an e-mail or web address; 臺 and 台 (either form typed).
//
// MADE: the queries on the made site (writeMadeSite writes its source). PORTAL_MORE: the
// queries of these kinds on the sample portal. Which pages each should find is worked out
// from the built pages' text (recall_queries.mjs's matcher), as for the other sets.
//
// Usage as a program: node tests/a11y/recall_made.mjs DIR   writes the made site's source
// into DIR (an empty folder), for bench/search/heldout.sh made.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const q = (lang, kind, ...qs) => qs.map((x) => ({ lang, kind, q: x }));

const SITE_YAML = `title: {zh-TW: 測試入口, en: Test portal, vi: Cổng thử, id: Portal uji, th: พอร์ทัลทดสอบ}
base_url: https://example.org/
languages:
  - {code: zh-TW, html_lang: zh-Hant-TW, name: 中文}
  - {code: en, html_lang: en, name: English}
  - {code: vi, html_lang: vi, name: Tiếng Việt}
  - {code: id, html_lang: id, name: Bahasa Indonesia}
  - {code: th, html_lang: th, name: ไทย}
missing_translation: omit
collections:
  stories: {sort: date desc}
taxonomies:
  topics:
    title: {zh-TW: 主題, en: Topics, vi: Chủ đề, id: Topik, th: หัวข้อ}
    terms:
      care: {zh-TW: 長期照顧, en: Long-term care, vi: Chăm sóc dài hạn, id: Perawatan jangka panjang, th: การดูแลระยะยาว}
      safety: {zh-TW: 職業安全衛生, en: Health and safety at work, vi: An toàn vệ sinh lao động, id: Keselamatan dan kesehatan kerja, th: อาชีวอนามัยและความปลอดภัย}
`;

// Each language's stories: [file, title, date, topics, body]. The first pages hold what the
// queries look for; the others fill each language to more than ten pages with the
// commonest words, so that what ranks first matters.
const STORIES = {
  'zh-TW': [
    ['volunteers', '志工服務成果', '2023-03-01', ['care'],
      '本局志工在2023年服務1,234人次，滿意度86.97%。\n\n## 志工招募\n\n歡迎退休勞工加入志工行列。\n\n加入LINE群組，或到App 下載報名表。'],
    ['fullwidth', '全形數字的公告', '2023-02-01', [],
      '本公告以全形數字寫成：２０２３年共辦理１２場說明會，詢問請寄ＥＭＡＩＬ。'],
    ['covid', 'COVID-19防疫補助', '2022-05-01', ['safety'],
      '因應COVID-19疫情，勞工可申請防疫補助，每人3,000元。'],
    ['single', '勞', '2021-01-01', [], '這一頁的標題只有一個字。'],
    ['apart', '志願服務與工作', '2021-06-01', [], '志願者與工作人員分開寫，不是同一個詞。'],
    // Written with its lines broken inside sentences (a break between two Han characters
    // is no space: a browser shows none), and with invisible characters inside words (a
    // zero-width joiner, a soft hyphen) that the reader does not see.
    ['wrapped', '職業訓練說明會', '2021-04-01', [],
      '本局辦理職業訓練\n說明會，歡迎勞工朋友\n報名參加。\n\n手語翻\u200D譯員與社\u00AD區關懷據點合作。'],
  ],
  en: [
    ['volunteers', "Volunteers' e-mail: how to sign up", '2023-03-01', ['care'],
      "Don't wait: in 2023 our volunteers served 1,234 people, and 86.97 percent were satisfied.\n\n" +
        '## Join the volunteers\n\nRetired workers are welcome. Send an e-mail or join the LINE group.'],
    ['covid', 'COVID-19 relief for workers', '2022-05-01', ['safety'],
      'Workers hit by COVID-19 can apply for relief of NT$3,000 each. The form is in the App.'],
    ['email', 'Email and phone', '2021-05-01', [], 'Write to us by email or call. We do not share your address.'],
    ['upper', 'TTQS TRAINING QUALITY', '2021-03-01', [], 'THE BUREAU AUDITS TRAINING UNDER TTQS EVERY YEAR.'],
    ['dont', 'Things to avoid', '2021-02-01', [], "Employers don't keep workers' passports. Do not sign blank forms."],
    ['soft', 'Inter\u00ADpreters for deaf workers', '2021-04-01', [],
      'The bureau trains sign-language inter\u00ADpreters every year. Ask for an appoint\u00ADment\u2060s slot.'],
    // Written with the modifier letter apostrophe (U+02BC) some keyboards and editors give
    // for ’, with an address and a web address; and letters from abroad, whose names hold
    // letters NFKD keeps whole (ß, Ł, ø, İ); and text copied from a PDF (ﬁ, ﬀ, Ⅻ, m²).
    ['hotline', 'The bureau\u02BCs hotline', '2021-01-15', [],
      'Call the bureau\u02BCs hotline if your employer keeps your passport. Write to help@bureau.example.org or see https://bureau.example.org/hotline.'],
    ['abroad', 'Letters from abroad', '2021-01-20', [], 'Readers wrote to the bureau from Gie\u00DFen, \u0141\u00F3d\u017A, Troms\u00F8 and \u0130zmir.'],
    ['pdf', 'Copied from a report', '2021-01-25', [],
      'The \uFB01nancial support for o\uFB00shore workers is in Annex \u216B, with housing of at least 6 m\u00B2 each.'],
  ],
  vi: [
    ['volunteers', 'Tình nguyện viên năm 2023', '2023-03-01', ['care'],
      'Năm 2023, tình nguyện viên đã phục vụ 1.234 lượt người, tỷ lệ hài lòng 86,97%.\n\n' +
        '## Tuyển tình nguyện viên\n\nNgười lao động đã nghỉ hưu được chào đón. Hãy gửi e-mail cho chúng tôi.'],
    ['danang', 'Lao động ở Đà Nẵng', '2022-05-01', ['safety'],
      'Người lao động từ Đà Nẵng làm việc tại nhà máy; họ được đào tạo về an toàn.'],
    ['tones', 'Thuế và thuê nhà', '2021-05-01', [], 'Thuế thu nhập khác với tiền thuê nhà.'],
    // Written with Ð (U+00D0, the Icelandic eth, which some Vietnamese keyboards and fonts
    // give for Đ), and with the old tone places (hoà, thuỷ).
    ['eth', 'Công nhân ở \u00D0ồng Nai', '2021-04-01', [],
      'Người lao động ở \u00D0ồng Nai và Hoà Bình được đào tạo nghề thuỷ sản.'],
  ],
  id: [
    ['volunteers', 'Relawan tahun 2023', '2023-03-01', ['care'],
      'Pada tahun 2023 relawan melayani 1.234 orang, dengan tingkat kepuasan 86,97%.\n\n' +
        '## Menjadi relawan\n\nPekerja yang sudah pensiun dipersilakan. Kirim e-mail kepada kami.'],
    ['soft', 'Juru bahasa isyarat', '2021-04-01', [],
      'Dinas ketenaga\u00ADkerjaan melatih juru bahasa isyarat bagi penyandang tuna\u00ADrungu.'],
    ['training', 'Pelatihan keterampilan kerja', '2022-05-01', ['safety'],
      'Dinas menyelenggarakan pelatihan keterampilan bagi pekerja migran, termasuk keselamatan kerja.'],
  ],
  th: [
    ['volunteers', 'อาสาสมัครปี 2023', '2023-03-01', ['care'],
      'ในปี 2023 อาสาสมัครให้บริการ 1,234 คน ความพึงพอใจร้อยละ 86.97\n\n' +
        '## รับสมัครอาสาสมัคร\n\nแรงงานที่เกษียณแล้วยินดีต้อนรับ ส่งอีเมลหรือเข้ากลุ่ม LINE'],
    ['migrants', 'แรงงานต่างด้าวได้รับการฝึกอบรม', '2022-05-01', ['safety'],
      'แรงงานต่างด้าวได้รับการฝึกอบรมด้านความปลอดภัยในการทำงานจากสำนักงานแรงงาน'],
    ['thai-digits', 'ประกาศปี ๒๕๖๖', '2021-05-01', [], 'ประกาศนี้เขียนปีด้วยเลขไทย ๒๕๖๖ และจำนวน ๑๒ ครั้ง'],
    // Thai with zero-width spaces between its words (as some editors mark word breaks) and
    // a soft hyphen inside one.
    ['zwsp', 'บริการ\u200Bล่าม\u200Bภาษา\u200Bมือ', '2021-04-01', [],
      'สำนักงาน\u200Bจัด\u200Bบริการ\u200Bล่าม\u200Bสำหรับ\u200Bคน\u200Bหู\u200Bหนวก ติดต่อ\u00ADเจ้าหน้าที่'],
    // น้ำ (water) written as it should be; and a text copied from a PDF, its ำ typed as
    // nikhahit and sara aa, a tone mark after the nikhahit, แ as two sara e (เเ).
    ['water', 'น้ำดื่มสะอาดในโรงงาน', '2021-03-01', [], 'โรงงานต้องจัดน้ำดื่มสะอาดให้แรงงานทุกคน'],
    ['pdf', 'คู่มือความปลอดภัยจากเอกสาร', '2021-02-01', [],
      'ข้อความนี้คัดลอกจากเอกสาร ท\u0E4D\u0E32งานอย่างปลอดภัย ดื่มน\u0E4D\u0E49\u0E32ให้เพียงพอ \u0E40\u0E40ละพักผ่อนทุกวัน'],
  ],
};

// Pages that fill each language: a common word of its kind on every one.
const FILL = {
  'zh-TW': (i) => [`志工活動第${i}場`, `本局志工第${i}次到社區服務勞工，說明勞動權益。`],
  en: (i) => [`Volunteer visit ${i}`, `Volunteers visited workers for the ${i}th time and explained their rights.`],
  vi: (i) => [`Chuyến thăm ${i}`, `Tình nguyện viên thăm người lao động lần thứ ${i} và giải thích quyền lợi.`],
  id: (i) => [`Kunjungan ${i}`, `Relawan mengunjungi pekerja untuk ke-${i} kalinya dan menjelaskan hak mereka.`],
  th: (i) => [`การเยี่ยมครั้งที่ ${i}`, `อาสาสมัครเยี่ยมแรงงานครั้งที่ ${i} และอธิบายสิทธิของแรงงาน`],
};

const DATASET_YAML = `title: {zh-TW: 志工服務時數, en: Volunteer service hours, vi: Số giờ tình nguyện, id: Jam layanan relawan, th: ชั่วโมงบริการอาสาสมัคร}
description:
  zh-TW: 各年度志工服務時數與人次。
  en: Hours and person-times of volunteer service by year.
  vi: Số giờ và lượt phục vụ tình nguyện theo năm.
  id: Jam dan jumlah layanan relawan per tahun.
  th: ชั่วโมงและจำนวนครั้งของการบริการอาสาสมัครรายปี
license: CC0-1.0
key: year
columns:
  - {name: year, type: integer, title: {zh-TW: 年度, en: Year, vi: Năm, id: Tahun, th: ปี}}
  - name: hours
    type: integer
    title: {zh-TW: 服務時數, en: Service hours, vi: Số giờ phục vụ, id: Jam layanan, th: ชั่วโมงบริการ}
    description: {zh-TW: 志工全年服務的總時數（小時）, en: Total hours served by volunteers in the year, vi: Tổng số giờ tình nguyện viên phục vụ trong năm, id: Total jam yang dilayani relawan dalam setahun, th: จำนวนชั่วโมงรวมที่อาสาสมัครให้บริการในปี}
  - name: persons
    type: integer
    title: {zh-TW: 服務人次, en: People served, vi: Lượt người được phục vụ, id: Orang yang dilayani, th: จำนวนผู้รับบริการ}
    description: {zh-TW: 接受服務的民眾人次, en: Head count of residents who received help, vi: Số lượt người dân được giúp đỡ, id: Jumlah warga yang menerima bantuan, th: จำนวนครั้งของประชาชนที่ได้รับความช่วยเหลือ}
`;
const DATASET_CSV = 'year,hours,persons\n2022,5120,1100\n2023,6400,1234\n';

/** Writes the made site's source (site.yaml, content/, data/) into the folder `dir`. */
export function writeMadeSite(dir) {
  const stories = path.join(dir, 'content', 'stories');
  mkdirSync(stories, { recursive: true });
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  writeFileSync(path.join(dir, 'site.yaml'), SITE_YAML);
  for (const lang of Object.keys(STORIES)) {
    writeFileSync(path.join(dir, 'content', `_index.${lang}.md`), `---\ntitle: ${lang}\n---\n`);
    writeFileSync(path.join(stories, `_index.${lang}.md`), `---\ntitle: ${lang} stories\n---\n`);
    const all = [...STORIES[lang]];
    for (let i = 1; i <= 12; i++) {
      const [title, body] = FILL[lang](i);
      all.push([`fill-${i}`, title, `2020-${String(i).padStart(2, '0')}-15`, [], body]);
    }
    for (const [file, title, date, topics, body] of all) {
      const tax = topics.length ? `topics: [${topics.join(', ')}]\n` : '';
      writeFileSync(
        path.join(stories, `${file}.${lang}.md`),
        `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\n${tax}---\n\n${body}\n`,
      );
    }
  }
  writeFileSync(path.join(dir, 'data', 'volunteer-hours.yaml'), DATASET_YAML);
  writeFileSync(path.join(dir, 'data', 'volunteer-hours.csv'), DATASET_CSV);
}

export const MADE = [
  // Chinese
  ...q('zh-TW', 'figure', '86.97', '86.97%', '2023', '1,234', '２０２３', '3,000元', '１２場'),
  ...q('zh-TW', 'column', '服務時數', '服務人次', '志工全年服務的總時數', '接受服務的民眾人次'),
  ...q('zh-TW', 'term', '長期照顧', '職業安全衛生'),
  ...q('zh-TW', 'code', 'COVID-19', 'covid-19防疫', 'COVID-19防疫補助'),
  ...q('zh-TW', 'mixed', 'LINE群組', 'line群組', 'App 下載', 'APP 下載', 'ＬＩＮＥ群組', 'ＥＭＡＩＬ'),
  ...q('zh-TW', 'one', '志', '勞', '補', '疫'),
  ...q('zh-TW', 'title', '志工服務成果', '全形數字的公告', '勞', 'COVID-19防疫補助'),
  ...q('zh-TW', 'heading', '"志工招募 歡迎退休勞工"', '志工招募 歡迎'),
  ...q('zh-TW', 'typo-space', '志 工', '防 疫補助', '服務 時數'),
  ...q('zh-TW', 'punct', '「志工」', '志工。', '志工?', '志工？', '『防疫補助』', '《志工》', '志工!!'),
  // English
  ...q('en', 'figure', '86.97', '2023', '1,234', '3,000', 'NT$3,000', '２０２３'),
  ...q('en', 'column', 'Service hours', 'People served', 'Total hours served by volunteers', 'head count of residents'),
  ...q('en', 'term', 'Long-term care', 'long term care', 'Health and safety at work'),
  ...q('en', 'apostrophe', "don't", 'Don’t', "workers'", "Volunteers'", "don't wait"),
  ...q('en', 'hyphen', 'e-mail', 'E-MAIL', 'email', 'COVID-19', 'covid 19', 'long-term'),
  ...q('en', 'case', 'TTQS TRAINING QUALITY', 'ttqs training quality', 'VOLUNTEERS', 'ＬＩＮＥ ｇｒｏｕｐ', 'ＴＴＱＳ'),
  ...q('en', 'title', "Volunteers' e-mail: how to sign up", 'COVID-19 relief for workers', 'Email and phone', 'Things to avoid'),
  ...q('en', 'heading', '"Join the volunteers Retired workers"', '"volunteers retired"'),
  ...q('en', 'punct', 'volunteers?', '"e-mail".', '(COVID-19)', 'volunteers!!'),
  // Vietnamese
  ...q('vi', 'figure', '86,97', '86,97%', '2023', '1.234'),
  ...q('vi', 'tones', 'Đà Nẵng', 'da nang', 'DA NANG', 'thuế', 'thuê', 'thue', 'tình nguyện viên', 'tinh nguyen vien'),
  ...q('vi', 'column', 'Số giờ phục vụ', 'so gio phuc vu', 'Lượt người được phục vụ'),
  ...q('vi', 'term', 'Chăm sóc dài hạn', 'an toan ve sinh lao dong'),
  ...q('vi', 'hyphen', 'e-mail'),
  ...q('vi', 'title', 'Tình nguyện viên năm 2023', 'Lao động ở Đà Nẵng', 'Thuế và thuê nhà'),
  ...q('vi', 'heading', '"Tuyển tình nguyện viên Người lao động"'),
  // Indonesian
  ...q('id', 'figure', '86,97', '2023', '1.234'),
  ...q('id', 'words', 'relawan', 'pelatihan keterampilan', 'menyelenggarakan', 'keselamatan kerja', 'pensiun'),
  ...q('id', 'column', 'Jam layanan', 'Orang yang dilayani', 'jumlah warga'),
  ...q('id', 'term', 'Perawatan jangka panjang', 'Keselamatan dan kesehatan kerja'),
  ...q('id', 'hyphen', 'e-mail', 'ke-3'),
  ...q('id', 'title', 'Relawan tahun 2023', 'Pelatihan keterampilan kerja'),
  ...q('id', 'heading', '"Menjadi relawan Pekerja"'),
  // Thai
  ...q('th', 'words', 'อาสาสมัคร', 'แรงงานต่างด้าว', 'ได้รับการฝึกอบรม', 'แรงงานต่างด้าวได้รับการฝึกอบรม', 'ความปลอดภัย', 'เกษียณ'),
  ...q('th', 'figure', '86.97', '2023', '1,234', '๒๕๖๖', '๑๒'),
  ...q('th', 'column', 'ชั่วโมงบริการ', 'จำนวนผู้รับบริการ'),
  ...q('th', 'term', 'การดูแลระยะยาว', 'อาชีวอนามัยและความปลอดภัย'),
  ...q('th', 'mixed', 'กลุ่ม LINE', 'LINE'),
  ...q('th', 'title', 'แรงงานต่างด้าวได้รับการฝึกอบรม', 'อาสาสมัครปี 2023', 'ประกาศปี ๒๕๖๖'),
  ...q('th', 'heading', '"รับสมัครอาสาสมัคร แรงงาน"'),
  ...q('th', 'punct', '「อาสาสมัคร」', 'อาสาสมัคร?'),
  // More of each: a space typed inside a word, other spaces and brackets, other scripts.
  ...q('th', 'typo-space', 'แรง งาน', 'แรงงาน ต่างด้าว', 'ต่าง ด้าว', 'อาสา สมัคร', 'ฝึก อบรม'),
  ...q('zh-TW', 'punct', '志工　服務', '（志工）', '【志工】', '志工…', '志工、勞工', '86.97%。', '1,234人次'),
  ...q('zh-TW', 'figure', '２０２３年', '2023年', '１，２３４'),
  ...q('zh-TW', 'mixed', 'LINE 群組', 'line 群'),
  ...q('en', 'typo-space', 'e mail', 'volunteer s'),
  ...q('en', 'punct', '“e-mail”', 'e-mail,', "'volunteers'", 'volunteers…'),
  ...q('vi', 'case', 'ĐÀ NẴNG', 'Đà  Nẵng', 'nguyen vien', 'tình nguyện viên?', 'THUẾ'),
  ...q('id', 'case', 'RELAWAN', 'relawan.', 'Ｒｅｌａｗａｎ'),
  // An emoji typed after or before the words, with the variation selector a phone adds
  // (❤️ is U+2764 U+FE0F, U+FE0F a mark), other spaces (no-break, thin) between them.
  ...q('zh-TW', 'emoji', '志工❤️', '❤️志工', '志工 👍🏽', '防疫補助✔️', '志工\u00A0服務'),
  ...q('en', 'emoji', 'volunteers ❤️', 'volunteers❤️', '✔️ e-mail', 'COVID-19 ☀️', 'join\u00A0the\u2009volunteers'),
  ...q('vi', 'emoji', 'Đà Nẵng ❤️', 'tình nguyện viên✌️'),
  ...q('id', 'emoji', 'relawan ❤️', 'pelatihan ✔️'),
  ...q('th', 'emoji', 'อาสาสมัคร ❤️', 'แรงงาน✔️'),
  // A page whose words are broken across lines (Chinese), or hold a soft hyphen or a
  // zero-width joiner or space the reader does not see; a zero-width space typed in a query.
  ...q('zh-TW', 'invisible', '職業訓練說明會', '勞工朋友報名', '手語翻譯員', '社區關懷', '訓練說明'),
  ...q('en', 'invisible', 'interpreters', 'Interpreters for deaf workers', 'appointments', 'interpr'),
  ...q('id', 'invisible', 'ketenagakerjaan', 'tunarungu', 'penyandang tunarungu'),
  // A sentence copied from a page, figures and punctuation and all; a very common word
  // beside a rarer one.
  ...q('zh-TW', 'sentence', '本局志工在2023年服務1,234人次', '因應COVID-19疫情，勞工可申請防疫補助', '歡迎退休勞工加入志工行列。'),
  ...q('en', 'sentence', "Don't wait: in 2023 our volunteers served 1,234 people", 'Retired workers are welcome.'),
  ...q('vi', 'sentence', 'Năm 2023, tình nguyện viên đã phục vụ 1.234 lượt người'),
  ...q('id', 'sentence', 'Pada tahun 2023 relawan melayani 1.234 orang'),
  ...q('th', 'sentence', 'ในปี 2023 อาสาสมัครให้บริการ 1,234 คน'),
  ...q('zh-TW', 'common', '的 公告', '志工 的'),
  ...q('en', 'common', 'the TTQS', 'the relief', 'and the'),
  ...q('vi', 'common', 'và thuê', 'người Đà Nẵng'),
  ...q('id', 'common', 'yang pensiun', 'dan keselamatan'),
  // What looks alike and is typed either way: Ð (U+00D0) for Đ, the old tone places, an
  // apostrophe typed as ʼ (U+02BC), ´ or `, letters NFKD keeps whole (ß, ł, ø, ı), text
  // copied from a PDF (ﬁ, Ⅻ, m²), addresses; Thai ำ typed as nikhahit and sara aa, a tone
  // mark after either, แ typed as เเ (on pages written as they should be, and as a PDF gives
  // them).
  ...q('vi', 'alike', '\u00D0à Nẵng', '\u00F0à nẵng', '\u00D0À NẴNG', 'Đồng Nai', '"Đồng Nai"', '"dong nai"', '\u00D0ồng Nai', 'Hòa Bình', 'thủy sản', 'hoà binh'),
  ...q('en', 'alike', 'don\u02BCt', 'don\u00B4t', 'don`t', 'workers\u02BC', "bureau's hotline", 'bureau’s', 'BUREAU\u02BCS',
    'Giessen', 'GIESSEN', 'Gießen', 'lodz', 'Łódź', 'Tromso', 'izmir', '\u0131zmir', 'financial support', '\uFB01nancial', 'offshore', 'annex xii', '6 m2'),
  ...q('en', 'address', 'help@bureau.example.org', 'bureau.example.org/hotline', 'https://bureau.example.org/hotline', 'example.org'),
  ...q('th', 'alike', 'ท\u0E4D\u0E32งาน', 'การท\u0E4D\u0E32งาน', 'น\u0E4D\u0E49\u0E32ดื่ม', 'น\u0E33\u0E49ดื่ม', 'น\u0E49\u0E4D\u0E32ดื่มสะอาด',
    'ทำงานอย่างปลอดภัย', 'ดื่มน้ำให้เพียงพอ', 'น้ำ', 'และพักผ่อน', '\u0E40\u0E40รงงาน', '\u0E40\u0E40ละพักผ่อน'),
  ...q('th', 'invisible', 'บริการล่าม', 'ล่ามภาษามือ', 'คนหูหนวก', 'ติดต่อเจ้าหน้าที่', 'แรง\u200Bงาน', 'อาสา\u200Bสมัคร'),
];

export const PORTAL_MORE = [
  ...q('zh-TW', 'one', '志', '勞', '修', '剪', '手'),
  ...q('zh-TW', 'typo-space', '志 工', '義 剪', '團體 協約', '照護 幫手'),
  ...q('zh-TW', 'punct', '「志工」', '志工。', '志工?', '志工？', '《志工》'),
  ...q('zh-TW', 'figure', '86.97', '2019', '2022'),
  ...q('zh-TW', 'column', '服務類別', '團隊名稱'),
  ...q('en', 'column', 'Service', 'Group', 'home repairs'),
  ...q('en', 'apostrophe', "workers'", "Workers' Academy", "Workers’ Academy"),
  ...q('en', 'hyphen', 'active-ageing', 'active ageing', 'in-house', 'in house', 'step-by-step'),
  ...q('en', 'case', 'VOLUNTEERS', 'WORK-AND-CHARITY'),
  ...q('en', 'title', 'The five platforms'),
  ...q('vi', 'tones', 'Đài Nam', 'dai nam', 'người cao tuổi'),
  ...q('vi', 'column', 'Loại dịch vụ', 'Tên nhóm'),
  ...q('id', 'column', 'Layanan', 'Nama kelompok'),
  ...q('th', 'column', 'ประเภทบริการ', 'ชื่อกลุ่ม'),
  ...q('th', 'words', 'ทีมทำงานทำความดี', 'ซ่อมบ้าน'),
  ...q('th', 'typo-space', 'แรง งาน', 'ข้าม ชาติ', 'อาสา สมัคร', 'ซ่อม บ้าน'),
  ...q('vi', 'heading', '"Đối tác Cơ quan"'),
  // 臺 and 台, both written in Taiwan (the portal has 臺南市 and 台南市): the pages with the
  // form typed fill the first ten before those with the other.
  ...q('zh-TW', 'variant', '臺南市', '台南市', '臺灣', '台灣'),
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node recall_made.mjs DIR');
    process.exit(2);
  }
  writeMadeSite(dir);
}
