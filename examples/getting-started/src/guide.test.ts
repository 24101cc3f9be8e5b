/**
 * docs/getting-started.md is this example: each file appears in it verbatim, typechecks
 * under the project's strict settings, main.ts prints what the guide says it prints, and
 * the guide's install commands name exactly the packages this example depends on.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { consoleOutputOf, printedAfter, typecheckUnderProjectConfig } from '../../../.config/test-support/readme-example.js';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const guide = readFileSync(fileURLToPath(new URL('../../../docs/getting-started.md', import.meta.url)), 'utf8');
const FILES = ['rules.ts', 'desk.ts', 'main.ts', 'rules.test.ts'];

describe('docs/getting-started.md', () => {
  it.each(FILES)('shows src/%s verbatim', (name) => {
    expect(guide).toContain(`\`src/${name}\`:\n\n\`\`\`ts\n${readFileSync(here(name), 'utf8')}\`\`\``);
  });

  // Between them, the two entry points import the other files: one program each checks all four.
  it.each(['main.ts', 'rules.test.ts'])('src/%s typechecks, with what it imports', (name) => {
    expect(typecheckUnderProjectConfig(here(name)).errors).toEqual([]);
  }, 120_000);

  it('runs main.ts and prints exactly what the guide says', async () => {
    const main = readFileSync(here('main.ts'), 'utf8');
    const printed = printedAfter(guide, main);
    expect(printed, 'the guide shows the output after main.ts').toBeDefined();
    expect(await consoleOutputOf(() => import('./main.js'))).toBe(printed);
  });

  it('installs exactly the packages the example depends on', () => {
    const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as Record<string, Record<string, string>>;
    const installed = (dev: boolean) =>
      guide
        .split('\n')
        .filter((line) => line.startsWith('npm install ') && line.includes('--save-dev') === dev)
        .flatMap((line) => line.split(' ').slice(2).filter((word) => !word.startsWith('-')))
        .sort();
    expect(installed(false)).toEqual(Object.keys(manifest.dependencies ?? {}).sort());
    expect(installed(true)).toEqual(Object.keys(manifest.devDependencies ?? {}).sort());
  });
});
