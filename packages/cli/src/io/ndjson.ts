/** Reading NDJSON line by line, with line numbers for the messages. */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';

/** One line of an NDJSON input, numbered so an error can point at it. */
export interface Line {
  /** 1-based, as an editor shows it. */
  readonly number: number;
  /** The line's text, without its line break. */
  readonly text: string;
}

/** The non-blank lines of `input`. */
export async function* linesOf(input: Readable): AsyncGenerator<Line> {
  let number = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    number++;
    if (text.trim() !== '') yield { number, text };
  }
}

/**
 * A source that can be read twice (import checks the whole file before writing any of
 * it): a file is opened again; standard input is kept in memory on the first read.
 */
export function rereadable(file: string, stdin: Readable): () => AsyncIterable<Line> {
  if (file !== '-') return () => linesOf(createReadStream(file));
  let kept: Line[] | undefined;
  return () => {
    if (kept) return toAsync(kept);
    const lines: Line[] = [];
    kept = lines;
    return (async function* () {
      for await (const line of linesOf(stdin)) {
        lines.push(line);
        yield line;
      }
    })();
  };
}

async function* toAsync<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
