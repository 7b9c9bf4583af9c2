"""The site files of tests/cli/lib/serve_edits.py: reading and writing them as staff
save (in place or through a rename), each change remembered so that a step the fresh
build rejects can be undone, and what the site has (stories, datasets, the theme)."""
import os
import random
import re
import subprocess

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../..'))


def set_key(text, key, line):
    """`text` with front matter (or YAML) key `key` set to `line` (None: removed); its
    indented continuation lines go with it. A key not there is added after the first
    line of front matter."""
    lines = text.split('\n')
    start = 1 if lines and lines[0] == '---' else 0
    end = lines.index('---', start) if '---' in lines[start:] else len(lines)
    for i in range(start, end):
        if lines[i].startswith(key + ':'):
            j = i + 1
            while j < end and (lines[j].startswith(' ') or lines[j].startswith('- ')):
                j += 1
            lines[i:j] = [] if line is None else [line]
            return '\n'.join(lines)
    if line is not None:
        lines.insert(start, line)
    return '\n'.join(lines)


def get_key(text, key):
    m = re.search(r'^' + re.escape(key) + r':(.*)$', text, re.M)
    return m.group(1).strip() if m else None


class SiteFiles:
    def __init__(self, site, seed):
        self.site = site
        self.rng = random.Random(seed)
        self.n = 0
        self.undo = {}        # rel -> text before the last step (None: it did not exist)
        self.fix_next = False
        self.photos = []      # (story, photo) added by photo edits
        self.in_git = False   # the site is in a git repository (its own or a parent folder's)
        self.good_commits = []  # the commits made of files the build took, oldest first
        self.step_commits = []  # the commits made in this step (bad if the step breaks)
        self.wake_at = 0        # when a publish_at written comes (seconds since 1970), or 0
        yaml = self.read('site.yaml')
        self.langs = re.findall(r'code: ([A-Za-z-]+)', yaml.split('\nlanguages:')[1])[:8]
        self.default = self.langs[0]
        self.own_theme = os.path.isdir(self.path('themes/mini'))
        self.programs = sorted({f.split('.')[0] for f in os.listdir(self.path('content/programs'))
                                if not f.startswith('_')})
        terms = re.findall(r'^      ([a-z0-9-]+): \{', yaml, re.M)
        self.terms = terms or ['volunteers', 'repair', 'youth', '志工', 'gardening']
        self.kinds = [getattr(self, name) for name in sorted(dir(self)) if name.startswith('e_')]
        self.deck = []  # every kind once, in a shuffled order, then again

    # Files, each change remembered for the undo.
    def path(self, rel):
        return os.path.join(self.site, rel)

    def read(self, rel):
        with open(self.path(rel), encoding='utf-8') as f:
            return f.read()

    def exists(self, rel):
        return os.path.exists(self.path(rel))

    def remember(self, rel):
        if rel not in self.undo:
            self.undo[rel] = open(self.path(rel), 'rb').read() if self.exists(rel) else None

    def write(self, rel, text):
        self.remember(rel)
        os.makedirs(os.path.dirname(self.path(rel)), exist_ok=True)
        if self.rng.random() < 0.5:
            with open(self.path(rel), 'w', encoding='utf-8') as f:
                f.write(text)
        else:  # as editors and `sed -i` save: a new file renamed over the old one
            tmp = self.path(rel) + '.tmp~'
            with open(tmp, 'w', encoding='utf-8') as f:
                f.write(text)
            os.replace(tmp, self.path(rel))

    def remove(self, rel):
        self.remember(rel)
        os.remove(self.path(rel))

    def write_bytes(self, rel, data):
        self.remember(rel)
        os.makedirs(os.path.dirname(self.path(rel)), exist_ok=True)
        with open(self.path(rel), 'wb') as f:
            f.write(data)

    def list(self, folder, suffix):
        if not os.path.isdir(self.path(folder)):
            return []
        return sorted(folder + '/' + f for f in os.listdir(self.path(folder)) if f.endswith(suffix))

    def pick(self, items):
        return items[self.rng.randrange(len(items))] if items else None

    # What the site has.
    def stories(self):
        return [s for s in self.list('content/stories', '.md') if '/_index' not in s]

    @staticmethod
    def slug_lang(rel):
        parts = os.path.basename(rel).split('.')
        return parts[0], (parts[1] if len(parts) == 3 else None)

    def story_files(self, slug):
        return [s for s in self.stories() if self.slug_lang(s)[0] == slug]

    def referenced(self, name, own=()):
        """Whether a file other than `own` names `name` (a link, a dataset, an image)."""
        for folder in ('content', 'data'):
            for root, _, files in os.walk(self.path(folder)):
                for f in files:
                    rel = os.path.relpath(os.path.join(root, f), self.site)
                    if rel in own or not f.endswith(('.md', '.yaml')):
                        continue
                    if name in self.read(rel):
                        return True
        return name in self.read('site.yaml')

    def lang_of(self, rel):
        return self.slug_lang(rel)[1] or self.default

    def edit_story(self, key, line_of):
        story = self.pick(self.stories())
        self.write(story, set_key(self.read(story), key, line_of(story)))
        return story

    def datasets(self):
        return [d[len('data/'):-len('.yaml')] for d in self.list('data', '.yaml')
                if self.exists(d[:-5] + '.csv')]

    def jpeg(self, rel, width=None, height=180):
        """A small photo made by vips, different each time (`width`: by default 240 or 320,
        so that a photo replaced may change its shape)."""
        self.remember(rel)
        os.makedirs(os.path.dirname(self.path(rel)), exist_ok=True)
        tmp = self.path('.photo-%d.v' % self.n)
        width = width or (240, 320)[self.n % 2]
        subprocess.run(['vips', 'perlin', tmp, str(width), str(height), '--cell-size', '32',
                        '--seed', str(self.n)], check=True)
        out = self.path(rel) + '.tmp~.jpg'
        subprocess.run(['vips', 'cast', tmp, out + '[Q=80]', 'uchar', '--shift'], check=True)
        os.remove(tmp)
        os.replace(out, self.path(rel))

    def theme_file(self, kind):
        """A file of the theme in the site's folder, or the site's own copy of one of the
        default theme's (which it then overrides)."""
        if self.own_theme:
            return self.pick(self.list('themes/mini/' + kind, '.mustache'))
        names = sorted(os.listdir(os.path.join(REPO, 'themes/default', kind)))
        name = self.pick([n for n in names if n.endswith('.mustache')])
        rel = '%s/%s' % (kind, name)
        if not self.exists(rel):
            with open(os.path.join(REPO, 'themes/default', rel), encoding='utf-8') as f:
                self.write(rel, f.read())
        return rel

    def commit(self, message, good=False):
        """Commits every change of the site's folder, dated day `self.n` of 2026 (so each
        run's dates are the same); `good`: the files committed are known to build."""
        env = dict(os.environ, GIT_AUTHOR_NAME='Staff', GIT_AUTHOR_EMAIL='staff@example.org',
                   GIT_COMMITTER_NAME='Staff', GIT_COMMITTER_EMAIL='staff@example.org',
                   GIT_AUTHOR_DATE='%d +0800' % (1767232800 + 86400 * self.n))
        env['GIT_COMMITTER_DATE'] = env['GIT_AUTHOR_DATE']
        git = ['git', '-C', self.site]
        subprocess.run(git + ['add', '-A', '--', '.', ':!.firefly-cache'], check=True)
        subprocess.run(git + ['commit', '-q', '--allow-empty', '-m', message], check=True, env=env)
        sha = subprocess.run(git + ['rev-parse', 'HEAD'], check=True, capture_output=True,
                             text=True).stdout.strip()
        self.good_commits.append(sha)
        if not good:
            self.step_commits.append(sha)
