"""More edits of tests/cli/lib/serve_edits.py, on what later rounds publish: a page's
chart and table blocks (their files under /data/<dataset>/charts/), a dataset's own
chart, licence, keywords and frequency (its page, the catalogue, the data package), the
site's publisher and menus, a taxonomy term renamed on one page (its term pages and the
search filters), a glossary term written in a translation, a photo replaced by one of
another size, a page whose publish_at comes while serve runs, and the strings only the
search page shows."""
import datetime
import re
import subprocess
import time

from serve_site import get_key, set_key

CHART_KINDS = ['bar', 'hbar', 'line', 'stacked']
LICENCES = ['OGDL-Taiwan-1.0', 'CC-BY-4.0', 'CC0-1.0', 'ODC-BY-1.0']


class DataEdits:
    # Blocks of a page that show a dataset.
    def chart_blocks(self):
        """(file, start, end) of every ```chart block of the site's pages (the block's
        lines between its fences)."""
        found = []
        for rel in sum((self.list(f, '.md') for f in ('content', 'content/programs',
                                                       'content/stories')), []):
            for m in re.finditer(r'^```chart\n(.*?)^```', self.read(rel), re.M | re.S):
                found.append((rel, m.start(1), m.end(1)))
        return found

    def e_chart_block(self):
        """A page's chart block drawn as another kind, given or relieved of a title, or
        narrowed to some rows (its chart files are named by what it draws)."""
        blocks = self.chart_blocks()
        if not blocks:
            return None
        rel, start, end = self.pick(blocks)
        text = self.read(rel)
        block = text[start:end]
        what = self.rng.randrange(3)
        if what == 0:
            kind = self.pick([k for k in CHART_KINDS if 'kind: ' + k not in block])
            block = set_key(block, 'kind', 'kind: ' + kind)
            done = 'kind %s' % kind
        elif what == 1:
            line = None if get_key(block, 'title') else \
                'title: {%s: 圖表%d, en: Chart %d}' % (self.default, self.n, self.n)
            block = set_key(block, 'title', line)
            done = 'title ' + ('removed' if line is None else 'set')
        else:
            x = get_key(block, 'x')
            rows = self.dataset_rows(get_key(block, 'dataset'))
            values = sorted({r.get(x, '') for r in rows} - {''}) if x else []
            if get_key(block, 'where') or len(values) < 2:
                block = set_key(block, 'where', None)
                done = 'rows all'
            else:
                keep = self.rng.sample(values, len(values) - 1)
                block = set_key(block, 'where', 'where: {%s: [%s]}' % (x, ', '.join(keep)))
                done = 'rows of %s' % ', '.join(keep)
        self.write(rel, text[:start] + block.rstrip('\n') + '\n' + text[end:])
        return 'chart block of %s: %s' % (rel, done)

    def dataset_rows(self, name):
        """The rows of data/<name>.csv as dicts (plain CSV: no quoted commas needed here)."""
        if not name or not self.exists('data/%s.csv' % name):
            return []
        lines = self.read('data/%s.csv' % name).rstrip('\n').split('\n')
        head = lines[0].split(',')
        return [dict(zip(head, line.split(','))) for line in lines[1:] if '"' not in line]

    def e_embed_block(self):
        """A chart block that names only its dataset (the chart of the dataset's metadata)
        or a table block added to a story, or one added before taken out."""
        mark = re.compile(r'\n\nEmbed [0-9]+:\n\n```(chart|table)\n.*?\n```\n', re.S)
        with_embed = [s for s in self.stories() if mark.search(self.read(s))]
        if with_embed and self.rng.random() < 0.4:
            story = self.pick(with_embed)
            self.write(story, mark.sub('\n', self.read(story), count=1))
            return 'embed taken out of ' + story
        charted = [d for d in self.datasets() if get_key(self.read('data/%s.yaml' % d), 'chart')]
        story = self.pick(self.stories())
        if charted and self.rng.random() < 0.6:
            name = self.pick(charted)
            block = '```chart\ndataset: %s\n```' % name
        else:
            name = self.pick(self.datasets())
            block = '```table\ndataset: %s\nlimit: %d\n```' % (name, self.rng.randint(1, 3))
        self.write(story, self.read(story).rstrip('\n') + '\n\nEmbed %d:\n\n%s\n' % (self.n, block))
        return 'embed of %s added to %s' % (name, story)

    # A dataset's metadata.
    def e_chart_spec(self):
        """The chart a dataset's metadata declares (`chart:`) drawn as another kind, taken
        out, or given back."""
        choices = []
        for name in self.datasets():
            text = self.read('data/%s.yaml' % name)
            if re.search(r'^chart: \{[^}\n]*\}$', text, re.M) or '#chart-' in text:
                choices.append(name)
        name = self.pick(choices)
        if name is None:
            return None
        rel = 'data/%s.yaml' % name
        text = self.read(rel)
        m = re.search(r'^#chart-(chart: \{[^}\n]*\})$', text, re.M)
        if m:  # taken out before: given back
            self.write(rel, text[:m.start()] + m.group(1) + text[m.end():])
            return 'chart of %s given back' % rel
        m = re.search(r'^chart: \{[^}\n]*\}$', text, re.M)
        spec = m.group(0)
        if self.rng.random() < 0.25:
            self.write(rel, text[:m.start()] + '#chart-' + spec + text[m.end():])
            return 'chart of %s taken out' % rel
        kind = re.search(r'kind: ([a-z]+)', spec)
        new = self.pick([k for k in CHART_KINDS if not kind or k != kind.group(1)])
        spec = (spec[:kind.start(1)] + new + spec[kind.end(1):] if kind
                else spec[:-1] + ', kind: %s}' % new)
        self.write(rel, text[:m.start()] + spec + text[m.end():])
        return 'chart of %s drawn as %s' % (rel, new)

    def e_dataset_licence(self):
        """A dataset's licence, keywords or frequency (its page, the catalogue, the data
        package, its workbooks' About sheet)."""
        rel = 'data/%s.yaml' % self.pick(self.datasets())
        text = self.read(rel)
        what = self.rng.randrange(3)
        if what == 0:
            now = get_key(text, 'license')
            line = self.pick([None] + ['license: ' + l for l in LICENCES if l != now])
            self.write(rel, set_key(text, 'license', line))
            return 'licence of %s: %s' % (rel, line)
        if what == 1:
            line = self.pick(['keywords: [關鍵字%d, word %d]' % (self.n, self.n), None])
            self.write(rel, set_key(text, 'keywords', line))
            return 'keywords of %s: %s' % (rel, line)
        line = 'frequency: ' + self.pick(['yearly', 'irregular', 'monthly', 'P3M'])
        self.write(rel, set_key(text, 'frequency', line))
        return 'frequency of %s: %s' % (rel, line)

    # site.yaml.
    def e_publisher(self):
        """The site's publisher (every dataset's, the footer's, the feeds') or the licence
        of the datasets that name none."""
        text = self.read('site.yaml')
        if self.rng.random() < 0.5:
            new = re.sub(r'(\n  email: |email: )[a-z0-9.-]+@', r'\g<1>office%d@' % self.n, text,
                         count=1)
            if new != text:
                self.write('site.yaml', new)
                return 'site.yaml: the publisher\'s email'
        line = self.pick(['data_license: ' + l for l in LICENCES])
        self.write('site.yaml', set_key(text, 'data_license', line))
        return 'site.yaml: ' + line

    def e_menu(self):
        """An entry of the footer menu added, retitled or taken out."""
        text = self.read('site.yaml')
        mine = re.search(r'\{page: [^{}]*, title: \{en: Menu [0-9]+\}\}, |'
                         r'\n    - \{page: [^{}]*, title: \{en: Menu [0-9]+\}\}', text)
        if mine and self.rng.random() < 0.5:
            self.write('site.yaml', text[:mine.start()] + text[mine.end():])
            return 'site.yaml: a footer menu entry taken out'
        if mine:  # retitled
            entry = re.sub(r'Menu [0-9]+', 'Menu %d' % self.n, mine.group(0))
            self.write('site.yaml', text[:mine.start()] + entry + text[mine.end():])
            return 'site.yaml: a footer menu entry retitled'
        page = self.pick([p for p in ('/stories/', '/programs/', '/help/', '/data/')
                          if self.exists('content/' + p.strip('/') + '.%s.md' % self.default)
                          or p in ('/stories/', '/programs/', '/data/')])
        entry = '{page: %s, title: {en: Menu %d}}' % (page, self.n)
        if re.search(r'\n  footer: \[', text):
            new = re.sub(r'(\n  footer: \[)', r'\g<1>' + entry + ', ', text, count=1)
        else:
            new = re.sub(r'(\n  footer:[^\n]*)', r'\g<1>\n    - ' + entry, text, count=1)
        if new == text:
            return None
        self.write('site.yaml', new)
        return 'site.yaml: footer menu entry for %s' % page

    # Terms and translations.
    def e_term_rename(self):
        """A tag of one page renamed: a new term (its term page made, the old one's left
        or gone), a term of the site's list, or the same term written otherwise."""
        tagged = [s for s in self.stories() if re.search(r'^tags: \[[^\]\n]+\]$', self.read(s), re.M)]
        story = self.pick(tagged)
        if story is None:
            return None
        text = self.read(story)
        m = re.search(r'^tags: \[([^\]\n]+)\]$', text, re.M)
        terms = [t.strip() for t in m.group(1).split(',')]
        i = self.rng.randrange(len(terms))
        listed = 'terms:' in self.read('site.yaml')
        if listed:
            tags = re.search(r'\n  tags:\n(    [^\n]*\n|      [^\n]*\n)+', self.read('site.yaml'))
            known = re.findall(r'^      ([a-z0-9-]+): \{', tags.group(0), re.M) if tags else []
            new = self.pick([t for t in known if t not in terms] or terms)
        else:
            old = terms[i]
            new = self.pick(['%s-%d' % (old, self.n), '新詞%d' % self.n,
                             old.upper() if old.isascii() else old + '%d' % self.n])
        terms[i] = new
        self.write(story, text[:m.start(1)] + ', '.join(terms) + text[m.end(1):])
        return 'tag %s of %s renamed %s' % (m.group(1).split(',')[i].strip(), story, new)

    def e_glossary_use(self):
        """A translation writes what the glossary says to avoid for a term its original
        uses (a warning), or the word it says to use."""
        pairs = [(s, self.lang_of(s)) for s in self.stories() if self.lang_of(s) != self.default]
        if not pairs:
            return None
        story, lang = self.pick(pairs)
        original = story.replace('.%s.md' % lang, '.%s.md' % self.default)
        if not self.exists(original):
            return None
        words = re.findall(r'[\u4e00-\u9fff]{2,4}', self.read(original).split('\n---', 1)[-1])
        if not words:
            return None
        term = self.pick(words)
        rel = 'i18n/glossary.%s.yaml' % lang
        text = self.read(rel) if self.exists(rel) else ''
        if not re.search(r'^%s:' % re.escape(term), text, re.M):
            self.write(rel, text + '%s: {use: [Word %d], avoid: [Avoided %d]}\n'
                       % (term, self.n, self.n))
        word = self.pick(['Avoided %d' % self.n, 'Word %d' % self.n])
        self.write(story, self.read(story).rstrip('\n') + '\n\nA glossary word: %s.\n' % word)
        return 'glossary term %s of %s written %s in %s' % (term, rel, word, story)

    def e_search_strings(self):
        """A string of the theme that only the search page (and its script) shows."""
        lang = self.pick(self.langs)
        key = self.pick(['search_no_results', 'search_filter_term', 'search_filter_year',
                         'search_needs_js', 'search_more', 'search_count'])
        rel = 'i18n/%s.yaml' % lang
        text = self.read(rel) if self.exists(rel) else ''
        value = '{n} found %d for {q}' % self.n if key == 'search_count' else \
            '%s %d' % (key.replace('_', ' '), self.n)
        text = set_key(text, key, '%s: "%s"' % (key, value))
        self.write(rel, text if text.endswith('\n') else text + '\n')
        return 'search string %s in %s' % (key, rel)

    # Photos.
    def e_photo_size(self):
        """A photo of a page replaced by one of another size (its srcset, width and height
        change), or a first photo added."""
        live = [(s, p) for s, p in self.photos if self.exists(s) and self.exists(p)]
        if not live:
            return self.e_photo()
        story, photo = self.pick(live)
        width = int(subprocess.run(['vipsheader', '-f', 'width', self.path(photo)],
                                   capture_output=True, text=True, check=True).stdout)
        new = self.pick([w for w in (200, 320, 480, 640) if w != width])
        self.jpeg(photo, width=new, height=self.pick([120, 180, 360]))
        return 'photo %s replaced by one %d wide' % (photo, new)

    # Time.
    def e_publish_soon(self):
        """A page whose publish_at is a few seconds ahead (a time with its offset): the
        harness waits until it has come, and serve publishes it without an edit."""
        moment = time.time() + self.rng.uniform(2.0, 4.0)
        stamp = datetime.datetime.fromtimestamp(int(moment) + 1, datetime.timezone.utc)
        line = 'publish_at: ' + stamp.strftime('%Y-%m-%dT%H:%M:%SZ')
        slug = self.pick(self.unlinked_slugs()) if self.rng.random() < 0.5 else None
        if slug is None:
            rel = 'content/stories/soon-%d.%s.md' % (self.n, self.default)
            self.write(rel, '---\ntitle: Soon %d\ndate: 2024-05-06\nprogram: %s\n%s\n---\n'
                       'Published soon, %d.\n' % (self.n, self.pick(self.programs), line, self.n))
            what = rel
        else:  # the original and its translations alike (each holds its own)
            for f in self.story_files(slug):
                self.write(f, set_key(self.read(f), 'publish_at', line))
            what = 'story ' + slug
        self.wake_at = max(getattr(self, 'wake_at', 0), int(moment) + 1)
        return '%s of %s' % (line, what)
