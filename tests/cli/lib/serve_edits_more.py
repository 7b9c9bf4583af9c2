"""More edits of tests/cli/lib/serve_edits.py: translations linked by `translation_key`
and their files renamed, a page's `layout`, layout files added to and removed from the
theme, a static file replaced by a folder, a repository made while serve runs, and the
repository checked out at another commit or branch (a detached HEAD, branches switched)."""
import os
import shutil
import subprocess

from serve_site import REPO, get_key, set_key


class MoreEdits:
    # Translations linked by translation_key.
    def e_translation_key(self):
        """Two stories of different slugs made translations of each other, a link undone,
        or a linked translation's file renamed (the key keeps it linked)."""
        free = set(self.unlinked_slugs())
        linked = [s for s in self.stories() if get_key(self.read(s), 'translation_key')]
        what = self.rng.randrange(3) if linked else 0
        if what == 0:
            pairs = [(s, b) for s in self.stories() if self.slug_lang(s)[0] in free
                     for b in sorted(free)
                     if b != self.slug_lang(s)[0] and
                     not any(self.lang_of(f) == self.lang_of(s) for f in self.story_files(b))]
            if not pairs:
                return None
            story, slug = self.pick(pairs)
            self.write(story, set_key(self.read(story), 'translation_key',
                                      'translation_key: stories/' + slug))
            return '%s made a translation of %s' % (story, slug)
        story = self.pick(linked)
        if what == 1:
            self.write(story, set_key(self.read(story), 'translation_key', None))
            return 'translation_key of %s removed' % story
        slug, lang = self.slug_lang(story)
        new = story.replace('/%s.' % slug, '/%s-t%d.' % (slug.split('-t')[0], self.n))
        if self.exists(new):
            return None
        text = self.read(story)
        self.remove(story)
        self.write(new, text)
        return 'linked translation %s renamed %s' % (story, new)

    # Layouts.
    def layouts_folder(self):
        """Where the site's layouts are edited: its own theme's, or its own layouts/ (over
        the default theme's)."""
        return 'themes/mini/layouts' if self.own_theme else 'layouts'

    def default_layout(self, name):
        rel = 'themes/mini/layouts/%s.mustache' % name
        if self.own_theme:
            return self.read(rel)
        own = 'layouts/%s.mustache' % name
        if self.exists(own):
            return self.read(own)
        with open(os.path.join(REPO, 'themes/default/layouts/%s.mustache' % name),
                  encoding='utf-8') as f:
            return f.read()

    def e_layout(self):
        """A story's front-matter `layout` set to another layout, or taken out."""
        names = ['page'] + [n for n in ('special',) if
                            self.exists('%s/%s.mustache' % (self.layouts_folder(), n))]
        line = self.pick(['layout: ' + n for n in names] + [None])
        return 'layout of ' + self.edit_story('layout', lambda s: line)

    def e_layout_file(self):
        """A layout file added to the theme (one a story's `layout` names, or one that
        takes over a section's pages by its name), or deleted."""
        name = self.pick(['special', 'stories-page', 'stories-section'])
        rel = '%s/%s.mustache' % (self.layouts_folder(), name)
        if self.exists(rel):
            self.remove(rel)
            return 'deleted layout ' + rel
        base = 'section' if name.endswith('section') else 'page'
        text = self.default_layout(base).replace('{{/main}}', '<p>%s %d</p>{{/main}}'
                                                 % (name, self.n), 1)
        self.write(rel, text)
        return 'new layout ' + rel

    # static/ files and folders.
    def e_static_folder(self):
        """A file of static/ made, replaced by a folder of the same name, the folder
        deleted with what it holds (`rm -r`)."""
        rel = 'static/files/notice.txt'
        if not self.exists(rel):
            self.write(rel, 'Notice %d\n' % self.n)
            return 'new static file ' + rel
        if os.path.isfile(self.path(rel)):
            self.remove(rel)
            self.write(rel + '/index.html', '<p>Notice %d</p>\n' % self.n)
            self.write(rel + '/more/part.txt', 'Part %d\n' % self.n)
            return 'static file %s replaced by a folder' % rel
        for root, _, files in os.walk(self.path(rel)):
            for f in files:
                self.remember(os.path.relpath(os.path.join(root, f), self.site))
        shutil.rmtree(self.path(rel))
        return 'deleted static folder ' + rel

    # The repository.
    def git(self, *args):
        return subprocess.run(['git', '-C', self.site] + list(args), check=True,
                              capture_output=True, text=True).stdout.strip()

    def git_init(self):
        """A repository made in the site folder while serve runs, the site committed."""
        subprocess.run(['git', 'init', '-q', '-b', 'main', self.site], check=True)
        self.in_git = True
        self.commit('The site put in git', good=True)
        return 'git init and a first commit'

    def e_checkout(self):
        """The site's edits committed, then another commit checked out (a detached HEAD),
        or another branch: a new one, or one made before. Only as a step's first edit
        (what an undo restores is then the files as checked out)."""
        if not self.in_git or self.undo:
            return None
        self.commit('Before a checkout %d' % self.n, good=True)
        branches = self.git('for-each-ref', '--format=%(refname:short)', 'refs/heads').split()
        current = self.git('rev-parse', '--abbrev-ref', 'HEAD')
        choice = self.rng.randrange(3)
        others = [b for b in branches if b != current]
        if choice == 0 and len(self.good_commits) > 1:
            target = self.pick(self.good_commits[:-1])
            self.git('checkout', '-q', '--detach', target)
            return 'git checkout of commit %s (detached)' % target[:8]
        if choice == 1 and others:
            branch = self.pick(others)
            self.git('checkout', '-q', branch)
            return 'git checkout of branch ' + branch
        branch = 'branch-%d' % self.n
        self.git('checkout', '-q', '-b', branch)
        return 'git checkout -b ' + branch
