/**
 * What the tests of README examples share: an example file typechecks under the
 * project's strict settings, and prints exactly the output its README shows after
 * it ("It prints:" and a `text` block). Each test still checks that its README
 * shows the file verbatim.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { vi } from 'vitest';

const configPath = fileURLToPath(new URL('../tsconfig.json', import.meta.url));

/** The export conditions the project's config resolves with, and the type errors of `file` under it. */
export function typecheckUnderProjectConfig(file: string): { readonly conditions: readonly string[]; readonly errors: readonly string[] } {
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  // The config's `extends` is relative to its own folder, so parse it from there (with its file name).
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath), undefined, configPath);
  const program = ts.createProgram([file], { ...options, noEmit: true });
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  return { conditions: options.customConditions ?? [], errors };
}

/** The output a README shows after `code`, or undefined when it shows none. */
export const printedAfter = (readme: string, code: string): string | undefined =>
  readme.slice(readme.indexOf(code)).match(/It prints:\n\n```text\n([\s\S]*?)```/)?.[1];

/** What `run` logs with console.log, one line per call (non-strings as JSON), without printing it. */
export async function consoleOutputOf(run: () => Promise<unknown>): Promise<string> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await run();
    return log.mock.calls.map((args) => `${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}\n`).join('');
  } finally {
    log.mockRestore();
  }
}
