"""The edits of tests/cli/lib/serve_equals_build.py: what staff do to a site's files, one
kind at a time, chosen by a seeded random generator. Each edit works on whatever the site
has (stories, translations, datasets, photos, the theme in the site's folder or the site's
own layouts and strings), so the same edits run on the sample portal and a golden site.
An edit the fresh build rejects is undone by the next step, as staff fix what they broke."""
import os
import re
import shutil

from serve_edits_data import DataEdits
from serve_edits_more import MoreEdits
from serve_site import SiteFiles, get_key, set_key


class Editor(MoreEdits, DataEdits, SiteFiles):
    # The edits: each returns what it did, or None when the site has nothing to do it to.
    def e_body(self):
        story = self.pick(self.stories())
        self.write(story, self.read(story).rstrip('\n') + '\n\nAdded paragraph %d.\n' % self.n)
        return 'text of ' + story

    def e_title(self):
        return 'title of ' + self.edit_story('title', lambda s: 'title: Edited title %d' % self.n)

    def e_date(self):
        day = '%d-%02d-%02d' % (self.rng.randint(2015, 2024), self.rng.randint(1, 12),
                                self.rng.randint(1, 28))
        return 'date of ' + self.edit_story('date', lambda s: 'date: ' + day)

    def e_summary(self):
        line = self.pick(['summary: Summary of edit %d.' % self.n, None])
        return 'summary of ' + self.edit_story('summary', lambda s: line)

    def e_draft(self):
        story = self.pick(self.stories())
        text = self.read(story)
        draft = get_key(text, 'draft') is None
        self.write(story, set_key(text, 'draft', 'draft: true' if draft else None))
        return ('draft ' if draft else 'no longer draft ') + story

    def e_terms(self):
        terms = self.rng.sample(self.terms, 2)[:self.rng.randint(0, 2)]
        line = 'tags: [%s]' % ', '.join(terms)
        return 'tags of ' + self.edit_story('tags', lambda s: line)

    def e_aliases(self):
        line = self.pick(['aliases: [/old/%d/]' % self.n, None])
        return 'aliases of ' + self.edit_story('aliases', lambda s: line)

    def e_program(self):
        line = 'program: ' + self.pick(self.programs)
        return 'program of ' + self.edit_story('program', lambda s: line)

    def e_new_story(self):
        slug = 'new-%d' % self.n
        langs = [self.default] + [l for l in self.langs[1:] if self.rng.random() < 0.5]
        for lang in langs:
            self.write('content/stories/%s.%s.md' % (slug, lang),
                       '---\ntitle: New story %d %s\ndate: 2024-%02d-03\nprogram: %s\n'
                       'tags: [%s]\n---\nA new story, number %d, in %s.\n'
                       % (self.n, lang, self.rng.randint(1, 12), self.pick(self.programs),
                          self.pick(self.terms), self.n, lang))
        return 'new story %s in %s' % (slug, ', '.join(langs))

    def unlinked_slugs(self):
        slugs = sorted({self.slug_lang(s)[0] for s in self.stories()})
        return [s for s in slugs if not self.referenced(s + '/', self.story_files(s))]

    def e_delete_story(self):
        slug = self.pick(self.unlinked_slugs())
        if slug is None:
            return None
        for f in self.story_files(slug):
            self.remove(f)
        return 'deleted story ' + slug

    def e_rename_story(self):
        slug = self.pick(self.unlinked_slugs())
        if slug is None:
            return None
        new = '%s-r%d' % (slug.split('-r')[0], self.n)
        for f in self.story_files(slug):
            text = self.read(f)
            self.remove(f)
            self.write(f.replace('/' + slug + '.', '/' + new + '.'), text)
        return 'renamed story %s to %s' % (slug, new)

    def e_add_translation(self):
        missing = [(s, l) for s in self.stories() if self.lang_of(s) == self.default
                   for l in self.langs[1:]
                   if not self.exists(s.replace('.%s.md' % self.default, '.%s.md' % l))]
        if not missing:
            return None
        story, lang = self.pick(missing)
        text = set_key(self.read(story), 'title', 'title: Translated %d (%s)' % (self.n, lang))
        rel = story.replace('.%s.md' % self.default, '.%s.md' % lang)
        self.write(rel, text.rstrip('\n') + '\n\nTranslated text %d.\n' % self.n)
        return 'new translation ' + rel

    def e_delete_translation(self):
        story = self.pick([s for s in self.stories() if self.lang_of(s) != self.default])
        if story is None:
            return None
        self.remove(story)
        return 'deleted translation ' + story

    def e_csv_value(self):
        name = self.pick(self.datasets())
        rel = 'data/%s.csv' % name
        rows = self.read(rel).split('\n')
        cells = [(r, c) for r in range(1, len(rows)) for c, v in enumerate(rows[r].split(','))
                 if c > 0 and re.fullmatch(r'[0-9]{1,6}', v)]
        if not cells:
            return None
        r, c = self.pick(cells)
        fields = rows[r].split(',')
        fields[c] = str(self.rng.randint(1, 9999))
        rows[r] = ','.join(fields)
        self.write(rel, '\n'.join(rows))
        return 'a figure of ' + rel

    def e_csv_row(self):
        candidates = []
        for name in self.datasets():
            rows = self.read('data/%s.csv' % name).rstrip('\n').split('\n')
            if re.match(r'^20[0-9][0-9],', rows[-1]) and '"' not in rows[-1]:
                candidates.append((name, rows))
        if not candidates:
            return None
        name, rows = self.pick(candidates)
        year, rest = rows[-1].split(',', 1)
        rows.append('%d,%s' % (int(year) + 1, rest))
        self.write('data/%s.csv' % name, '\n'.join(rows) + '\n')
        return 'a new row of data/%s.csv' % name

    def e_provisional(self):
        for name in self.datasets():
            text = self.read('data/%s.csv' % name)
            for a, b in (('provisional', 'final'), ('final', 'provisional')):
                if re.search(r',%s\n?$' % a, text):
                    self.write('data/%s.csv' % name, re.sub(r',%s(\n?)$' % a, r',%s\1' % b, text))
                    return 'the last row of data/%s.csv marked %s' % (name, b)
        return None

    def e_dataset_title(self):
        rel = 'data/%s.yaml' % self.pick(self.datasets())
        self.write(rel, set_key(self.read(rel), 'title',
                                'title: {%s: 資料標題%d, en: Dataset title %d}'
                                % (self.default, self.n, self.n)))
        return 'title of ' + rel

    def e_unit(self):
        choices = []
        for name in self.datasets():
            text = self.read('data/%s.yaml' % name)
            for m in re.finditer(r'unit: (\{[^}]*\}|[a-z-]+)', text):
                choices.append((name, m))
        if not choices:
            return None
        name, m = self.pick(choices)
        text = self.read('data/%s.yaml' % name)
        unit = 'unit: {%s: 單位%d, en: units %d}' % (self.default, self.n, self.n)
        self.write('data/%s.yaml' % name, text[:m.start()] + unit + text[m.end():])
        return 'a unit of data/%s.yaml' % name

    def e_periods(self):
        for name in self.datasets():
            text = self.read('data/%s.yaml' % name)
            m = re.search(r'periods: \[([0-9, ]+)\]', text)
            if m:
                periods = [p.strip() for p in m.group(1).split(',')]
                # The first or the last dropped (periods out of time order are an error).
                new = (periods[1:] if self.rng.random() < 0.5 else periods[:-1]) or periods
                self.write('data/%s.yaml' % name,
                           text[:m.start()] + 'periods: [%s]' % ', '.join(new) + text[m.end():])
                return 'periods of data/%s.yaml: %s' % (name, ', '.join(new))
        return None

    def e_new_dataset(self):
        name = self.pick(self.datasets())
        new = 'copy-%d' % self.n
        self.write('data/%s.csv' % new, self.read('data/%s.csv' % name))
        self.write('data/%s.yaml' % new, set_key(self.read('data/%s.yaml' % name), 'title',
                                                 'title: {%s: 副本%d, en: Copy %d}'
                                                 % (self.default, self.n, self.n)))
        return 'new dataset %s (from %s)' % (new, name)

    def e_delete_dataset(self):
        names = [n for n in self.datasets() if not self.referenced(n, ('data/%s.yaml' % n,))]
        name = self.pick(names)
        if name is None:
            return None
        self.remove('data/%s.csv' % name)
        self.remove('data/%s.yaml' % name)
        return 'deleted dataset ' + name

    def e_photo(self):
        live = [(s, p) for s, p in self.photos if self.exists(s) and self.exists(p)]
        what = self.rng.randrange(3) if live else 0
        if what == 0:
            story = self.pick(self.stories())
            photo = 'static/images/photo-%d.jpg' % self.n
            self.jpeg(photo)
            self.write(story, set_key(self.read(story), 'images',
                                      'images: [{src: /images/photo-%d.jpg, alt: Photo %d}]'
                                      % (self.n, self.n)))
            self.photos.append((story, photo))
            return 'photo %s added to %s' % (photo, story)
        story, photo = self.pick(live)
        if what == 1:
            self.jpeg(photo)
            return 'photo %s replaced' % photo
        self.remove(photo)
        self.write(story, set_key(self.read(story), 'images', None))
        return 'photo %s removed from %s' % (photo, story)

    def e_site_yaml(self):
        text = self.read('site.yaml')
        choices = [
            (r'name: English[^,}]*', 'name: English %d' % self.n),
            (r'(missing_translation: )(fallback|omit)',
             lambda m: m.group(1) + ('omit' if m.group(2) == 'fallback' else 'fallback')),
            (r'(paginate: )([0-9]+)', lambda m: m.group(1) + str(2 + self.n % 4)),
            (r'(title: \{zh-TW: [^,]*, en: )[^,}]*', lambda m: m.group(1) + 'Portal %d' % self.n),
            (r'(\n  en: )Tainan Labor[^\n]*', lambda m: m.group(1) + 'Portal %d' % self.n),
            (r'(main: \[)(\{page: /programs/[^}]*\}[^}]*\}), (\{page: /stories/\})',
             r'\1\3, \2'),
            (r'(main: \[)(\{page: /stories/\}), (\{page: /programs/[^}]*\}[^}]*\})',
             r'\1\3, \2'),
            (r'(\n    - \{page: /data/\})(\n    - \{page: /help/\})', r'\2\1'),
            (r'(\n    - \{page: /help/\})(\n    - \{page: /data/\})', r'\2\1'),
        ]
        choices = [(p, r) for p, r in choices if re.search(p, text)]
        pattern, repl = self.pick(choices)
        self.write('site.yaml', re.sub(pattern, repl, text, count=1))
        return 'site.yaml: ' + pattern[:40]

    def e_template(self):
        rel = self.theme_file('layouts')
        self.write(rel, self.read(rel).rstrip('\n') + '\n<!-- edited %d -->\n' % self.n)
        return 'template ' + rel

    def e_partial(self):
        rel = self.theme_file('partials')
        self.write(rel, '<!-- partial edited %d -->' % self.n + self.read(rel))
        return 'partial ' + rel

    def e_strings(self):
        lang = self.pick(self.langs)
        key = self.pick(['not_found', 'fallback_notice', 'search_label', 'skip_to_content'])
        rel = ('themes/mini/i18n/%s.yaml' if self.own_theme and self.rng.random() < 0.6
               else 'i18n/%s.yaml') % lang
        text = self.read(rel) if self.exists(rel) else ''
        text = set_key(text, key, '%s: "%s %d"' % (key, key.replace('_', ' '), self.n))
        self.write(rel, text if text.endswith('\n') else text + '\n')
        return 'string %s in %s' % (key, rel)

    def e_css(self):
        rel = 'themes/mini/assets/style.css' if self.own_theme else 'static/css/site.css'
        text = self.read(rel) if self.exists(rel) else ''
        self.write(rel, text + '.edit-%d { color: #123456; }\n' % self.n)
        return 'CSS ' + rel

    def e_glossary(self):
        lang = self.pick(self.langs[1:])
        rel = 'i18n/glossary.%s.yaml' % lang
        text = self.read(rel) if self.exists(rel) else ''
        self.write(rel, text + '勞工局%d: {use: [Bureau %d], avoid: [Agency %d]}\n'
                   % (self.n, self.n, self.n))
        return 'glossary ' + rel

    def e_section(self):
        """A new section folder with its pages (as `cp -r` or a checkout makes it), then
        the folder renamed or deleted, or a page in it edited."""
        # A folder whose pages a step's undo took away (or a checkout) is left empty: not one.
        sections = sorted(d for d in os.listdir(self.path('content')) if d.startswith('notices')
                          and self.exists('content/%s/first.%s.md' % (d, self.default)))
        if not sections:
            folder = 'content/notices-%d' % self.n
            os.makedirs(self.path(folder))
            self.undo.setdefault(folder + '/_index.%s.md' % self.default, None)
            self.write(folder + '/_index.%s.md' % self.default, '---\ntitle: Notices\n---\n')
            for lang in (self.default, 'en'):
                self.write('%s/first.%s.md' % (folder, lang),
                           '---\ntitle: First notice %s\n---\nNotice text %d.\n' % (lang, self.n))
            return 'new section ' + folder
        folder = 'content/' + sections[0]
        if self.rng.random() < 0.3:  # the whole folder deleted (`git rm -r`)
            for f in self.list(folder, '.md'):
                self.remove(f)
            os.rmdir(self.path(folder))
            return 'deleted section ' + folder
        if self.rng.random() < 0.5:
            new = 'content/notices-%d' % self.n
            os.rename(self.path(folder), self.path(new))
            return 'section %s renamed %s' % (folder, new)
        rel = '%s/first.%s.md' % (folder, self.default)
        self.write(rel, self.read(rel) + 'More notice text %d.\n' % self.n)
        return 'text of ' + rel

    def e_program_page(self):
        rel = self.pick(self.list('content/programs', '.md'))
        text = self.read(rel)
        if self.rng.random() < 0.5:
            self.write(rel, set_key(text, 'title', 'title: Program %d' % self.n))
        else:
            self.write(rel, set_key(text, 'weight', 'weight: %d' % self.rng.randint(0, 9)))
        return 'program page ' + rel

    def e_home(self):
        rel = self.pick(self.list('content', '.md'))
        self.write(rel, self.read(rel).rstrip('\n') + '\n\nHome text %d.\n' % self.n)
        return 'text of ' + rel

    def e_publish_at(self):
        line = self.pick(['publish_at: 2099-01-01', 'publish_at: 2001-01-01', None])
        return 'publish_at of ' + self.edit_story('publish_at', lambda s: line)

    def e_url(self):
        line = self.pick(['url: /custom-%d/' % self.n, None])
        return 'url of ' + self.edit_story('url', lambda s: line)

    def e_language(self):
        text = self.read('site.yaml')
        line = '  - {code: th, html_lang: th, name: ไทย}\n'
        if line in text:
            self.write('site.yaml', text.replace(line, ''))
            return 'language th removed from site.yaml'
        if 'code: th' in text:
            return None
        self.write('site.yaml', re.sub(r'(\nlanguages:\n(  - [^\n]*\n)+)', lambda m: m.group(1) + line,
                                       text, count=1))
        return 'language th added to site.yaml'

    def e_site_layout(self):
        """A layout of the site's own (over the theme's), made, edited or deleted."""
        if not self.own_theme:
            return None
        own = self.list('layouts', '.mustache')
        if own and self.rng.random() < 0.5:
            rel = self.pick(own)
            self.remove(rel)
            return 'deleted the site\'s own ' + rel
        rel = self.pick(self.list('themes/mini/layouts', '.mustache'))
        mine = 'layouts/' + os.path.basename(rel)
        text = self.read(mine) if self.exists(mine) else self.read(rel)
        self.write(mine, text.rstrip('\n') + '\n<!-- the site\'s own %d -->\n' % self.n)
        return 'the site\'s own ' + mine

    def e_commit(self):
        """The edits so far committed (changing no file of the site: the pages' "updated"
        dates, translations out of date and the datasets' history come from git)."""
        if not self.in_git:
            return None
        self.commit('Edit %d' % self.n)
        return 'git commit'

    def e_svg(self):
        """An illustration of static/ redrawn at another size (pages may give its size)."""
        rel = self.pick([f for f in self.list('static/images', '.svg') +
                         self.list('static/images/stories', '.svg')])
        if rel is None:
            return None
        size = (8 + self.n % 7) * 40
        text = re.sub(r'width="[0-9]+" height="[0-9]+"', 'width="%d" height="%d"' % (size, size),
                      self.read(rel), count=1)
        self.write(rel, text)
        return 'illustration %s redrawn at %d' % (rel, size)

    def e_column_title(self):
        name = self.pick(self.datasets())
        rel = 'data/%s.yaml' % name
        text = self.read(rel)
        m = self.pick(list(re.finditer(r'(title: \{%s: )([^,}]*)' % self.default, text))[1:])
        if m is None:
            return None
        self.write(rel, text[:m.start(2)] + '欄位%d' % self.n + text[m.end(2):])
        return 'a column title of ' + rel

    def e_strings_file_deleted(self):
        files = self.list('i18n', '.yaml') + self.list('themes/mini/i18n', '.yaml')
        rel = self.pick([f for f in files if 'glossary' not in f])
        if rel is None:
            return None
        self.remove(rel)
        return 'deleted strings file ' + rel

    def e_touch(self):
        story = self.pick(self.stories())
        self.write(story, self.read(story))
        return 'saved unchanged ' + story

    def e_break(self):
        story = self.pick(self.stories())
        text = self.read(story)
        kind = self.rng.randrange(6)
        if kind == 0:
            self.write(story, set_key(text, 'date', 'date: 2023-13-45'))
        elif kind == 1:
            self.write(story, text.replace('title:', 'title: [unclosed', 1))
        elif kind == 2:
            self.write(story, text + '\n[broken](/nowhere-%d/)\n' % self.n)
        elif kind == 3:
            rel = self.theme_file('layouts')
            self.write(rel, self.read(rel) + '{{#open}}\n')
            story = rel
        elif kind == 4:
            rel = 'data/%s.csv' % self.pick(self.datasets())
            self.write(rel, self.read(rel).rstrip('\n') + '\n1,2,3,4,5,6,7,8,9,10,11,12,13,14\n')
            story = rel
        else:
            self.write('site.yaml', self.read('site.yaml') + 'languages: [\n')
            story = 'site.yaml'
        return 'break %d in %s' % (kind, story)

    # Steps.
    def broken(self):
        """The fresh build rejected the last step: the next one undoes it (and no checkout
        goes back to a commit made in it)."""
        self.fix_next = True
        self.good_commits = [c for c in self.good_commits if c not in self.step_commits]

    def step(self, more=False):
        """Makes the next edit (`more`: one more while serve may still be updating after
        the last, undone with it)."""
        if self.fix_next:
            self.fix_next = False
            undo, self.undo = self.undo, {}
            # The files made first removed: a folder that replaced a file goes with them.
            for rel, text in sorted(undo.items(), key=lambda e: (e[1] is not None, e[0])):
                if text is None:
                    if os.path.isdir(self.path(rel)):  # made a folder by a second save
                        shutil.rmtree(self.path(rel))
                    elif self.exists(rel):
                        self.remove(rel)
                else:
                    if os.path.isdir(self.path(rel)):
                        shutil.rmtree(self.path(rel))
                    self.write_bytes(rel, text)
            self.undo = {}
            return 'fixed: ' + ', '.join(sorted(undo))
        if not more:
            self.undo = {}
            self.step_commits = []
        done = []
        for _ in range(self.rng.choice([1, 1, 1, 2, 3])):
            what = None
            while not what:  # an edit the site has nothing for: another one
                self.n += 1
                if not self.deck:
                    self.deck = self.kinds[:]
                    self.rng.shuffle(self.deck)
                what = self.deck.pop()()
            done.append(what)
        return '; '.join(done)
