/**
 * Runs the CLI on an argument list and returns the exit code: 0 done, 1 the work failed
 * (a message on stderr says why), 2 the command line was wrong. Only a bug throws.
 */
import { CommanderError } from 'commander';
import { userFacingMessage } from './errors.js';
import { processIo, type CliIo } from './io/cli-io.js';
import { createProgram, type ProgramOptions } from './program.js';

/**
 * Runs the `redress` command line with `args` (without `node` and the script) and returns the exit code; the
 * binary calls this, tests call it in-process.
 */
export async function runCli(args: readonly string[], io: CliIo = processIo(), options: ProgramOptions = {}): Promise<number> {
  const program = createProgram(io, options);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return program.getOptionValue('failed') === true ? 1 : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    const message = userFacingMessage(e);
    if (message === undefined) throw e;
    io.stderr.write(`redress: ${message}\n`);
    return 1;
  }
}
