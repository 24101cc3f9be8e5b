/**
 * The README's examples are `usage.ts` and `network.ts`: each must appear in the package
 * README verbatim, typecheck under the project's strict settings, and print what the
 * README says.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { consoleOutputOf, printedAfter, typecheckUnderProjectConfig } from '../../../../.config/test-support/readme-example.js';

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const examples = {
  'usage.ts': () => import('./usage.js'),
  'network.ts': () => import('./network.js'),
} as const;

describe.each(Object.entries(examples))('the @redress/csi README example %s', (name, run) => {
  const path = fileURLToPath(new URL(`./${name}`, import.meta.url));
  const code = readFileSync(path, 'utf8');

  it('is in the README verbatim', () => {
    expect(readme).toContain(`\`\`\`ts\n${code}\`\`\``);
  });

  it('typechecks', () => {
    const { conditions, errors } = typecheckUnderProjectConfig(path);
    expect(conditions).toEqual(['@redress/source']);
    expect(errors).toEqual([]);
  }, 60_000);

  it('runs and prints exactly what the README says it prints', async () => {
    const printed = printedAfter(readme, code);
    expect(printed, 'the README shows the output after the example').toBeDefined();
    expect(await consoleOutputOf(run)).toBe(printed);
  });
});
