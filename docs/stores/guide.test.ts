/**
 * docs/stores/README.md shows the example adapter's files verbatim: a code block
 * preceded by `<!-- verbatim: path -->` must be that file, byte for byte, so the code
 * on the page is the code the suite runs. Its relative links must lead somewhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const pagePath = resolve(here, 'README.md');
const read = (path: string) => readFileSync(path, 'utf8').replaceAll('\r\n', '\n');
const page = read(pagePath);

/** Every `<!-- verbatim: path -->` and the fenced block right after it. */
const verbatim = [...page.matchAll(/<!-- verbatim: (\S+) -->\n```ts\n([\s\S]*?)```/g)].map(([, path, code]) => ({ path: path ?? '', code: code ?? '' }));

/** The page without its fenced code, where links and headings are not links and headings. */
const withoutCode = (text: string) => text.replace(/^```[\s\S]*?^```/gm, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replaceAll(' ', '-');

const anchorsOf = (markdown: string) => new Set([...withoutCode(markdown).matchAll(/^#{1,6} (.+)$/gm)].map(([, heading]) => slug(heading ?? '')));

describe('docs/stores/README.md', () => {
  it('marks the example files it shows', () => {
    expect(verbatim.map((block) => block.path).sort()).toEqual(['own-store/own-store.test.ts', 'own-store/own-store.ts', 'own-store/polling-subscribe.ts']);
  });

  it.each(verbatim)('shows $path verbatim', ({ path, code }) => {
    expect(code).toBe(read(resolve(here, path)));
  });

  it('links only to files and headings that exist', () => {
    const links = [...withoutCode(page).matchAll(/\]\(([^)\s]+)\)/g)].map(([, target]) => target ?? '').filter((target) => !/^[a-z]+:/.test(target));
    expect(links.length).toBeGreaterThan(0);
    const broken = links.filter((link) => {
      const [file = '', anchor] = link.split('#');
      const target = file === '' ? pagePath : resolve(here, file);
      if (!existsSync(target)) return true;
      return anchor !== undefined && !anchorsOf(read(target)).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});
