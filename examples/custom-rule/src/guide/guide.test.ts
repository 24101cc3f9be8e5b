/** The guide shows these files verbatim, so its examples are the ones the suite runs. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const guide = readFileSync(fileURLToPath(new URL('../../../../docs/property-testing.md', import.meta.url)), 'utf8');

it.each(['quick-start.test.ts', 'facts.test.ts', 'specs.test.ts', 'arbitraries.test.ts', 'model.test.ts', 'paths.test.ts', 'sla.test.ts'])('docs/property-testing.md shows %s verbatim', (file) => {
  const source = readFileSync(fileURLToPath(new URL(`./${file}`, import.meta.url)), 'utf8');
  expect(guide).toContain(`\`\`\`ts\n${source}\`\`\``);
});

it('docs/property-testing.md shows plain-fast-check.ts verbatim, and it runs', async () => {
  const source = readFileSync(fileURLToPath(new URL('./plain-fast-check.ts', import.meta.url)), 'utf8');
  expect(guide).toContain(`\`\`\`ts\n${source}\`\`\``);
  await import('./plain-fast-check.js');
});

it("@redress/testing's README shows quick-start.test.ts verbatim", () => {
  const readme = readFileSync(fileURLToPath(new URL('../../../../packages/testing/README.md', import.meta.url)), 'utf8');
  const source = readFileSync(fileURLToPath(new URL('./quick-start.test.ts', import.meta.url)), 'utf8');
  expect(readme).toContain(`\`\`\`ts\n${source}\`\`\``);
});
