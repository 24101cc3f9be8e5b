/**
 * The README's usage example is this package's `usage.ts`: here it must appear in
 * the README verbatim, typecheck under the project's strict settings, and run.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';

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
    const configPath = fileURLToPath(new URL('../../../.config/tsconfig.json', import.meta.url));
    const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
    // The config's own folder is the base path, so its `extends` (and the source condition) resolve.
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath), undefined, configPath);
    expect(options.customConditions).toContain('@redress/source');
    const program = ts.createProgram([usagePath], { ...options, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  }, 60_000);

  it('runs and prints exactly what the README says it prints', async () => {
    const printed = readme.slice(readme.indexOf(usage)).match(/It prints:\n\n```text\n([\s\S]*?)```/)?.[1];
    expect(printed, 'the README shows the output after the example').toBeDefined();
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import('./usage.js');
    expect(log.mock.calls.map((args) => `${args.join(' ')}\n`).join('')).toBe(printed);
    log.mockRestore();
  });
});
