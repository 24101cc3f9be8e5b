/**
 * Progress bars for long work (export, import, verify), drawn with cli-progress on
 * stderr, and only when stderr is a terminal: piped or redirected output, CI logs and
 * tests get no escape codes. `--no-progress` turns them off on a terminal too.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { CliIo } from './cli-io.js';

/** Progress of a long command, as it reports it; a no-op when not on a TTY. */
export interface Progress {
  /** Sets how much is to do, once known. */
  total(count: number): void;
  /** Counts `by` more units done. */
  advance(by: number): void;
  /** Ends the bar and leaves the terminal clean. */
  stop(): void;
}

const SILENT: Progress = { total: () => undefined, advance: () => undefined, stop: () => undefined };

/**
 * A progress bar on the CLI's stderr (cli-progress), only when `enabled` and stderr is a TTY, so piped output
 * and CI logs stay clean.
 */
export function progressBar(io: CliIo, label: string, enabled: boolean): Progress {
  if (!enabled || io.stderr.isTTY !== true) return SILENT;
  const bar = new SingleBar(
    { stream: io.stderr as NodeJS.WriteStream, format: `${label} [{bar}] {percentage}% {value}/{total} events`, hideCursor: true, clearOnComplete: false },
    Presets.shades_classic,
  );
  let started = false;
  return {
    total(count) {
      if (!started) bar.start(count, 0);
      else bar.setTotal(count);
      started = true;
    },
    advance(by) {
      if (started) bar.increment(by);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
