/**
 * Package READMEs are read on the npm website, where relative links break: every link in
 * them is absolute, and every one into this repository names a file or folder that exists
 * (the packaging gate checks the tarballs' copies; this checks where they point).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const { repository } = JSON.parse(readFileSync(`${root}packages/core/package.json`, 'utf8')) as { repository: { url: string } };
const REPO = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const packages = readdirSync(`${root}packages`).filter((d) => existsSync(`${root}packages/${d}/package.json`));

const links = (markdown: string) =>
  [...markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '').matchAll(/!?\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)].map((m) => m[1]!);

describe.each(packages)('packages/%s/README.md', (dir) => {
  const readme = readFileSync(`${root}packages/${dir}/README.md`, 'utf8');

  it('has only absolute links (or in-page anchors)', () => {
    expect(links(readme).filter((l) => !/^(https?:\/\/|#|mailto:)/.test(l))).toEqual([]);
  });

  it('links only to files of this repository that exist', () => {
    const missing = links(readme)
      .filter((l) => l.startsWith(`${REPO}/`))
      .map((l) => l.slice(REPO.length + 1).split('#')[0]!)
      .map((l) => l.replace(/^(blob|tree)\/main\/?/, ''))
      .filter((path) => path !== '' && !existsSync(`${root}${path}`));
    expect(missing).toEqual([]);
  });
});
