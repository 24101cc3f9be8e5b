/**
 * The README's example is `usage.ts`: it must appear in the package README verbatim,
 * typecheck under the project's strict settings, and print what the README says.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';

const usagePath = fileURLToPath(new URL('./usage.ts', import.meta.url));
const usage = readFileSync(usagePath, 'utf8');
const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

describe('the @redress/csi README example', () => {
  it('is in the README verbatim', () => {
    expect(readme).toContain(`\`\`\`ts\n${usage}\`\`\``);
  });

  it('typechecks', () => {
    const configPath = fileURLToPath(new URL('../../../../.config/tsconfig.json', import.meta.url));
    const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
    // The config's `extends` is relative to its own folder, so parse it from there (with its file name).
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(configPath), undefined, configPath);
    expect(options.customConditions).toEqual(['@redress/source']);
    const program = ts.createProgram([usagePath], { ...options, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  }, 60_000);

  it('runs and prints exactly what the README says it prints', async () => {
    const printed = readme.slice(readme.indexOf(usage)).match(/It prints:\n\n```text\n([\s\S]*?)```/)?.[1];
    expect(printed, 'the README shows the output after the example').toBeDefined();
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import('./usage.js');
    const output = log.mock.calls.map((args) => `${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}\n`).join('');
    log.mockRestore();
    expect(output).toBe(printed);
  });
});
