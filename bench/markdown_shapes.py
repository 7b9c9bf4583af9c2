#!/usr/bin/env python3
"""Times `firefly build` on pages of about 500 KB of Markdown shapes that some Markdown
parsers read in time growing with the square of their length (issue: no input under 500 KB
may take more than 5 s to build).

Usage: bench/markdown_shapes.py FIREFLY [--size BYTES] [--only NAME,...]

For each shape, writes a one-page site into a temporary folder, builds it with --jobs 1
and prints the CPU time (user + system, what the build itself costs whatever else the
machine is doing), the wall time and the exit code (1 is expected where a shape is refused
by a limit or links to a page that does not exist). Run it twice with --size halved to see
whether a shape's time grows linearly.
"""
import os
import resource
import subprocess
import sys
import tempfile
import time


def shapes(n):
    return {
        'nested-quotes': lambda: ('> ' * 5000 + 'a\n') * (n // 12500),
        'nested-quotes-lines': lambda: ''.join('> ' * i + 'a\n' for i in range(1, 700)),
        'nested-lists': lambda: ''.join('  ' * i + '- a\n' for i in range(0, 700)),
        'nested-lists-inline': lambda: ('- ' * 5000 + 'a\n') * (n // 12500),
        'link-ref-defs': lambda: ''.join('[r%d]: /x%d\n' % (i, i) for i in range(n // 14)),
        'link-ref-same': lambda: '[a]: /x\n' * (n // 8) + '[a]\n',
        'emph-runs': lambda: '*a **a ' * (n // 7),
        'emph-underscore': lambda: '_a __a ' * (n // 7),
        'emph-open-only': lambda: '*a ' * (n // 3),
        'many-emph-close': lambda: '*' * 100 + 'a' + '*' * 100 + ' ' + 'a* ' * (n // 3),
        'mixed-delims': lambda: '*_~' * (n // 3),
        'strike-runs': lambda: '~a ~~a ' * (n // 7),
        'backtick-runs': lambda: ''.join('`' * i + 'a' for i in range(1, 1000)),
        'backtick-single': lambda: '`a ``a ' * (n // 7),
        'open-brackets': lambda: '[' * n,
        'open-links': lambda: '[a](' * (n // 4),
        'link-close': lambda: '[a]' * (n // 3),
        'link-title-quotes': lambda: '[a](/x "' * (n // 8),
        'ref-def-unclosed': lambda: '[a]: /x "' + 'a\n' * (n // 2),
        'angle-open': lambda: '<' * n,
        'html-comment': lambda: '<!--' * (n // 4),
        'html-cdata': lambda: '<![CDATA[' * (n // 9),
        'html-pi': lambda: '<?' * (n // 2),
        'html-decl': lambda: '<!A' * (n // 3),
        'html-tags': lambda: '<a ' * (n // 3),
        'entities': lambda: '&#' * (n // 2),
        'email-autolink': lambda: 'a@' * (n // 2),
        'email-dots': lambda: 'a@b.' * (n // 4),
        'url-autolink': lambda: 'http://a' * (n // 8),
        'url-parens': lambda: 'http://a.b/' + '(' * (n - 20),
        'www-underscore': lambda: 'www.x_ ' * (n // 7),
        'footnote-defs': lambda: ''.join('[^f%d]: a\n' % i for i in range(n // 12)),
        'footnote-refs': lambda: '[^a]' * (n // 4) + '\n\n[^a]: x\n',
        'footnote-nested': lambda: '[^' * (n // 2),
        'table-rows': lambda: '|a|b|\n|-|-|\n' + '|a|b|\n' * (n // 6),
        'table-200-columns': lambda: ('|' + 'a|' * 199 + '\n') + ('|' + '-|' * 199 + '\n') +
        ('|' + 'a|' * 199 + '\n') * (n // 400),
        'tasklists': lambda: '- [ ] a\n' * (n // 8),
        'setext': lambda: ('a\n' * 1000 + '===\n') * (n // 4000),
        'fenced-unclosed': lambda: '```\n' * (n // 4),
        'tilde-fences': lambda: ''.join('~' * i + '\n' for i in range(3, 1000)),
        'hard-breaks': lambda: 'a  \n' * (n // 4),
        'backslash-breaks': lambda: 'a\\\n' * (n // 3),
        'star-escaped': lambda: '\\*a*' * (n // 4),
    }


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    firefly, size, only = os.path.abspath(args[0]), 500_000, None
    if '--size' in args:
        size = int(args[args.index('--size') + 1])
    if '--only' in args:
        only = set(args[args.index('--only') + 1].split(','))
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in shapes(size).items():
            if only and name not in only:
                continue
            site = os.path.join(tmp, name)
            os.makedirs(os.path.join(site, 'content'))
            with open(os.path.join(site, 'site.yaml'), 'w') as f:
                f.write('title: T\nbase_url: https://example.org/\n'
                        'languages:\n  - {code: en, html_lang: en, name: English}\n')
            with open(os.path.join(site, 'content', '_index.md'), 'w') as f:
                f.write('---\ntitle: Home\n---\nHome\n')
            body = make()
            with open(os.path.join(site, 'content', 'p.md'), 'w') as f:
                f.write('---\ntitle: P\n---\n' + body)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.monotonic()
            code = subprocess.run([firefly, 'build', '--site', site, '--out', site + '-out',
                                   '--jobs', '1', '--quiet'], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL).returncode
            wall = time.monotonic() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            print(f'{name:22} {len(body):>8} bytes  cpu {cpu:6.2f} s  wall {wall:6.2f} s  exit {code}',
                  flush=True)


if __name__ == '__main__':
    main()
