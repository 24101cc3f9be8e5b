/**
 * The README's usage example is this package's `usage.ts`: here it must appear in
 * the README verbatim, typecheck under the project's strict settings, and run.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { consoleOutputOf, printedAfter, typecheckUnderProjectConfig } from '../../../.config/test-support/readme-example.js';

const usagePath = fileURLToPath(new URL('./usage.ts', import.meta.url));
const usage = readFileSync(usagePath, 'utf8');
const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
const packageReadme = readFileSync(fileURLToPath(new URL('../../../packages/core/README.md', import.meta.url)), 'utf8');

describe('the README usage example', () => {
  it('is in the README and in @redress/core\'s README, verbatim', () => {
    expect(readme).toContain(`\`\`\`ts\n${usage}\`\`\``);
    expect(packageReadme).toContain(`\`\`\`ts\n${usage}\`\`\``);
  });

  it('typechecks', () => {
    const { conditions, errors } = typecheckUnderProjectConfig(usagePath);
    expect(conditions).toContain('@redress/source');
    expect(errors).toEqual([]);
  }, 60_000);

  it('runs and prints exactly what the README says it prints', async () => {
    const printed = printedAfter(readme, usage);
    expect(printed, 'the README shows the output after the example').toBeDefined();
    expect(await consoleOutputOf(() => import('./usage.js'))).toBe(printed);
  });
});
