/**
 * The engine's instrumentation hooks: what a tracing or metrics library needs to see
 * (every execute and its result, every batch the inline projections are fed and how
 * far they trail afterwards), as a contract with no dependency, so the core stays free
 * of any telemetry library and `@redress/opentelemetry` (or a host's own code)
 * implements it. Each hook goes *around* the work (it is handed `run` and returns what
 * `run` gives), so an implementation can make the work's own calls (the store's append,
 * a driver's query) children of its span.
 *
 * No cost without it: the engine decides at `createEngine` whether there is a hook;
 * without one it allocates nothing and calls nothing per command.
 */
import type { ExecuteResult } from './engine.js';

/** What the engine says about a command before it runs: only what is known before validation. */
export interface ExecuteInfo {
  /** The command's `type` as given (`'unknown'` when the input has no string `type`, and fails validation). */
  readonly commandType: string;
}

/** How far one inline projection trails the log after a batch. */
export interface ProjectionLag {
  /** The projection's name. */
  readonly projection: string;
  /** The global position of the last event it has applied (0 before any). */
  readonly checkpoint: number;
  /**
   * Global positions between its checkpoint and the newest event this engine knows of
   * (appended or read): 0 once it is up to date. Positions, not events: a store's
   * positions may have gaps (PostgreSQL's do), so this bounds the events it lacks.
   */
  readonly behind: number;
}

/** One batch of events fed to the engine's inline projections. */
export interface ProjectionBatch {
  /** `append`: the events an execute just appended; `catchUp`: `engine.catchUp()` reading the log. */
  readonly trigger: 'append' | 'catchUp';
  /** Events handed in (an append's); 0 for a catch-up, which reads what it needs. */
  readonly events: number;
  /** The inline projections fed, by name. */
  readonly projections: readonly string[];
  /**
   * How far each projection trails once the batch has settled (call it after `run`
   * resolved or rejected): a store that failed mid-batch leaves a view behind until
   * the next execute or `catchUp()`, and this is where that shows.
   */
  lag(): readonly ProjectionLag[];
}

/**
 * Hooks the engine calls around its work; every one is optional. A hook must call
 * `run` exactly once and return (or rethrow) what it gives: the engine's behaviour is
 * then the same as without it.
 */
export interface EngineInstrumentation {
  /**
   * Around one `execute` (or `executeOrThrow`, or an automation's), from validation to
   * the result, retries and the inline projections included. `run` resolves with the
   * result, refusals included; it rejects only on a bug (never on a refusal or a store failure).
   */
  execute?(info: ExecuteInfo, run: () => Promise<ExecuteResult>): Promise<ExecuteResult>;
  /** Around one batch fed to the inline projections (after an append, or in `catchUp`); not called without projections. */
  project?(batch: ProjectionBatch, run: () => Promise<void>): Promise<void>;
}

/** The batch a `project` hook is told of: `lag` measures against the newest event the batch brought (or the furthest view). */
export function projectionBatch(
  trigger: ProjectionBatch['trigger'],
  appended: readonly { readonly globalPosition: number }[],
  projections: readonly string[],
  lagOf: (newest: number) => readonly ProjectionLag[],
): ProjectionBatch {
  const newest = appended.at(-1)?.globalPosition ?? 0;
  return { trigger, events: appended.length, projections, lag: () => lagOf(newest) };
}

/** The command type to report for an input that has not been validated yet. */
export function commandTypeOf(input: unknown): string {
  const type = (input as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : 'unknown';
}
