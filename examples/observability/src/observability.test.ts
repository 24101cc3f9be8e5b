/**
 * docs/observability.md's example is this package's `observability.ts`: here it must
 * appear in the page verbatim, typecheck under the project's strict settings, and run
 * printing what the page says it prints.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { consoleOutputOf, printedAfter, typecheckUnderProjectConfig } from '../../../.config/test-support/readme-example.js';

const examplePath = fileURLToPath(new URL('./observability.ts', import.meta.url));
const example = readFileSync(examplePath, 'utf8');
const page = readFileSync(fileURLToPath(new URL('../../../docs/observability.md', import.meta.url)), 'utf8');

describe('the observability example', () => {
  it('is in docs/observability.md, verbatim', () => {
    expect(page).toContain(`\`\`\`ts\n${example}\`\`\``);
  });

  it('typechecks', () => {
    const { errors } = typecheckUnderProjectConfig(examplePath);
    expect(errors).toEqual([]);
  }, 60_000);

  it('runs and prints exactly what the page says it prints', async () => {
    const printed = printedAfter(page, example);
    expect(printed, 'the page shows the output after the example').toBeDefined();
    expect(await consoleOutputOf(() => import('./observability.js'))).toBe(printed);
  });
});
