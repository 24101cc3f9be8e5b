/**
 * Where the CLI reads and writes: the process's streams in `bin.ts`, buffers in tests.
 * Nothing else in the CLI touches `process`, so every command runs in-process in a test.
 */
import type { Readable, Writable } from 'node:stream';

/**
 * The streams and environment the CLI uses, injected so tests run it in-process without touching the real
 * terminal.
 */
export interface CliIo {
  /** Results (an exported log, a report). */
  readonly stdout: Writable;
  /** Errors, and progress bars when this is a terminal. */
  readonly stderr: Writable & { readonly isTTY?: boolean };
  /** Where `redress import -` reads the log from. */
  readonly stdin: Readable;
  /** For `REDRESS_POSTGRES_URL`. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The process's own stdout, stderr, stdin and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** Writes `text`, waiting when the stream asks for a pause (a slow pipe, a full disk buffer). */
export async function write(stream: Writable, text: string): Promise<void> {
  if (stream.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', done);
      stream.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    stream.once('drain', done);
    stream.once('error', done);
  });
}
