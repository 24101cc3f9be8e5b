/**
 * The README's example is `usage.ts`: it must appear in the package README verbatim,
 * typecheck under the project's strict settings, and print what the README says.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { consoleOutputOf, printedAfter, typecheckUnderProjectConfig } from '../../../../.config/test-support/readme-example.js';

const usagePath = fileURLToPath(new URL('./usage.ts', import.meta.url));
const usage = readFileSync(usagePath, 'utf8');
const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

describe('the @redress/csi README example', () => {
  it('is in the README verbatim', () => {
    expect(readme).toContain(`\`\`\`ts\n${usage}\`\`\``);
  });

  it('typechecks', () => {
    const { conditions, errors } = typecheckUnderProjectConfig(usagePath);
    expect(conditions).toEqual(['@redress/source']);
    expect(errors).toEqual([]);
  }, 60_000);

  it('runs and prints exactly what the README says it prints', async () => {
    const printed = printedAfter(readme, usage);
    expect(printed, 'the README shows the output after the example').toBeDefined();
    expect(await consoleOutputOf(() => import('./usage.js'))).toBe(printed);
  });
});
