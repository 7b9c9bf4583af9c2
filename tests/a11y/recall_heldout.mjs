// Written recall queries, held out from the generated ones (recall_queries.mjs makes its
// queries by cutting the pages' own words): what citizens and journalists type that no cut
// of a page gives. Figures and years as written (2019, 108年, 1,043, 86.97%), codes and
// words with hyphens or apostrophes (COVID-19, e-book, bureau's), mixed scripts (EASY手冊),
// full-width Latin and digits, Vietnamese composed, decomposed (NFD) and without tones,
// Indonesian words with their affixes, Thai with and without spaces, a word being typed
// (a prefix, a CJK or Thai query one character at a time), column titles and taxonomy
// terms, words deep in long pages, punctuation and extra spaces around the query.
// Which pages each should find is worked out from the pages' text (recall_queries.mjs's
// matcher); kind says what the query is for.
//
// PORTAL: the sample portal (tests/a11y/search_queries.mjs --held-out, in CI). CORPUS: the
// corpus of the reference gen_corpus.py --stories 1000 --vocab 5000 (seed 42) the search
// was compared on (bench/search/heldout.sh, GEN=): its made-up words (nimigor,
// shavolopel) are that corpus's, not those of this repository's bench/gen_corpus.py.

const q = (lang, kind, ...qs) => qs.map((x) => ({ lang, kind, q: x }));
const nfd = (s) => s.normalize('NFD');

export const PORTAL = [
  // Chinese
  ...q('zh-TW', 'figure', '108年', '108年度', '1,043', '86.97%', '720本', '55歲以上', '2019'),
  ...q('zh-TW', 'fullwidth', '１０８年', 'ＴＴＱＳ', 'ttqs金牌'),
  ...q('zh-TW', 'mixed', 'TTQS金牌', 'EASY手冊', '工作好找APP', '照顧好EASY手冊'),
  ...q('zh-TW', 'typing', '照', '照護', '照護幫', '照護幫手', '視', '視障', '視障朋'),
  ...q('zh-TW', 'punct', '  志工  ', '「照護幫手」', '勞工局。', '(TTQS)', '職安，'),
  ...q('zh-TW', 'code', 'COVID-19'),
  ...q('zh-TW', 'term', '長者', '工會'),
  // English
  ...q('en', 'figure', '2019', '1,043', '86.97%', '3,256', '80%', '2015-2018', 'version 2.0'),
  ...q('en', 'code', 'COVID-19', 'covid', 'e-book', 'e book', 'sign-language', 'hard-of-hearing', 'TTQS', 'WCAG 2.1'),
  ...q('en', 'apostrophe', "bureau's", 'bureau’s', "city's", "Tainan's"),
  ...q('en', 'fullwidth', 'ＣＯＶＩＤ－１９', '２０１９'),
  ...q('en', 'typing', 'caregi', 'person-ti', 'interpr', 'sign lang'),
  ...q('en', 'punct', '  volunteers  ', 'caregivers?', '"sign language"!', 'haircuts, free', '(TTQS)'),
  ...q('en', 'mixed', 'EASY手冊', '照顧好EASY'),
  ...q('en', 'term', 'Older people', 'Trade unions'),
  // Vietnamese
  ...q('vi', 'figure', '2019', '86,97%', '80%'),
  ...q('vi', 'code', 'COVID-19', 'ma-nơ-canh', 'ma no canh'),
  ...q('vi', 'nfd', nfd('công đoàn'), nfd('người cao tuổi'), nfd('Đài Nam'), nfd('ngôn ngữ ký hiệu')),
  ...q('vi', 'toneless', 'cong doan', 'nguoi cao tuoi', 'dai nam', 'ngon ngu ky hieu', 'CONG DOAN'),
  ...q('vi', 'typing', 'công đo', 'nguoi cao tu', 'thông dị'),
  ...q('vi', 'punct', '  công đoàn  ', 'công đoàn?', '“người cao tuổi”'),
  ...q('vi', 'term', 'Tình nguyện viên', 'tinh nguyen vien'),
  // Indonesian
  ...q('id', 'figure', '1.043', '86,97%', '2019', '720'),
  ...q('id', 'affix', 'ketenagakerjaan', 'pelatihan', 'keselamatan kerja', 'mengunjungi', 'keterampilan', 'penyandang', 'menyelenggarakan', 'pengasuh'),
  ...q('id', 'code', 'orang-kali', 'e-book', 'berturut-turut', 'rata-rata', 'negara-negara', 'kira kira'),
  ...q('id', 'typing', 'ketenagaker', 'pengas', 'keselamatan ker'),
  ...q('id', 'punct', '  pekerja migran  ', 'pekerja migran?', '"pekerja migran"'),
  ...q('id', 'term', 'Lansia', 'Serikat pekerja'),
  ...q('id', 'mixed', 'EASY手冊'),
  // Thai
  ...q('th', 'words', 'แรงงานข้ามชาติ', 'แรงงาน ข้ามชาติ', 'คู่มือการดูแล', 'ความปลอดภัย', 'อาสาสมัคร', 'เหรียญทอง'),
  ...q('th', 'typing', 'ต', 'ตั', 'ตัด', 'ตัดผ', 'ความปลอดภ', 'มหาวิทยา'),
  ...q('th', 'figure', '2019', '720', 'TTQS'),
  ...q('th', 'punct', '  ตัดผมฟรี  ', '“คู่มือการดูแล”', 'ความปลอดภัย?'),
  ...q('th', 'term', 'ผู้สูงอายุ', 'สหภาพแรงงาน'),
  ...q('th', 'mixed', 'EASY手冊', 'TTQS金牌'),
  // More of each: dates and sums as written, words written together or apart.
  ...q('zh-TW', 'figure', '111年', '108年12月17日', '55歲', '92.8%'),
  ...q('zh-TW', 'fullwidth', 'ＥＡＳＹ手冊', '１，０４３'),
  ...q('zh-TW', 'words', '勞工局 志工', '志工 2019', '身心障', '十大亮點'),
  ...q('en', 'figure', '92.8%', '92.8', '1.0', 'year-end 2019'),
  ...q('en', 'code', 'Work-and-Charity', 'work and charity', 'hands-on', 'hands on', 'year end'),
  ...q('en', 'apostrophe', "workers'", "Workers' Academy", "bureau's volunteers"),
  ...q('vi', 'figure', '92,8%', '86,97'),
  ...q('vi', 'nfd', nfd('CÔNG ĐOÀN'), nfd('Thành phố Đài Nam')),
  ...q('vi', 'toneless', '"thanh pho dai nam"', 'hoà', 'hòa'),
  ...q('id', 'figure', '35.000.000', '2.500', '92,8%'),
  ...q('id', 'code', 'kira-kira', 'sama sama'),
  // Deep in the longest pages, in the last paragraphs.
  ...q('en', 'deep', 'major building projects', '"injured and disadvantaged workers"', 'just under'),
  ...q('zh-TW', 'deep', '重大建設', '職災弱勢房屋修繕', '保障勞工權益'),
  ...q('vi', 'deep', 'Đài Trung qua các con số', 'ket qua nam 2019'),
  ...q('th', 'words', 'ผู้ ดูแล', 'สิ้นปี 2019', 'ปี 2019', 'ข้ามช', 'แรงงานข้ามช'),
  // A quoted phrase from a heading into the paragraph after it.
  ...q('en', 'heading', '"Partners The Workforce Development"', '"Results In 2021"'),
  ...q('vi', 'heading', '"Đối tác Cơ quan Phát triển"', '"ket qua nam 2021"'),
  ...q('id', 'heading', '"Mitra Badan Pengembangan"', '"Hasil Pada 2021"'),
];

export const CORPUS = [
  // Chinese
  ...q('zh-TW', 'figure', '2023', '２０２３', '310', '故事 932', '成果指標 1'),
  ...q('zh-TW', 'column', '志工人數', '戶數', '指標', '數值'),
  ...q('zh-TW', 'heading', '修繕紀錄'),
  ...q('zh-TW', 'typing', '修', '修繕', '修繕紀', '吳', '吳玄', '吳玄慈'),
  ...q('zh-TW', 'code', 'tag-32', 'TAG-32', 'ｔａｇ－３２'),
  ...q('zh-TW', 'punct', '  人專書  ', '「吳玄慈」', '吳玄慈，', '修繕紀錄？'),
  ...q('zh-TW', 'mixed', '故事 13', '成果指標 0 年度'),
  // English
  ...q('en', 'figure', '2023', '２０２３', '310', 'Story 932', 'story 93', 'Outcome indicator 1'),
  ...q('en', 'column', 'Volunteers', 'Homes', 'Indicator', 'Value'),
  ...q('en', 'heading', 'Repair log', 'repair lo'),
  ...q('en', 'code', 'tag-32', 'TAG-32', 'ｔａｇ－３２', 'tag 32'),
  ...q('en', 'words', 'riltukasan', 'belshamasan', 'shavolopel', 'mikagorni gorshalogor', 'vogor kacor'),
  ...q('en', 'typing', 'riltuka', 'belsha', 'shavolo', 'mikagorni gorsha'),
  ...q('en', 'case', 'SHAVOLOPEL', 'ShaVoloPel'),
  ...q('en', 'punct', '  shavolopel  ', 'shavolopel?', '"Repair log"', '(belshamasan)', 'vogor, kacor'),
  ...q('en', 'term', 'participation', 'tag-09'),
  ...q('en', 'typing', 'l', 'lo', 'r', 'ri', 'sha', 'v', 'b', 'ma', 'care lo', 'founded lo'),
  // A word being typed whose words fill more than three shards (ca: from cafe… to cat…).
  ...q('en', 'typing', 'mishabel ca', 'nimigor ca', 'sanmalobel ca', 'vonipel tu', 'shariltugor te'),
  ...q('zh-TW', 'typing', '就', '就業', '翻', '翻譯'),
];
