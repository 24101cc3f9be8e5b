/**
 * A small benchmark harness: warm-up, then K samples, each timing a batch of N
 * operations with `process.hrtime.bigint()`; statistics are per operation.
 *
 * Hand-written on purpose. It is tiny, and these benchmarks need exact control
 * of batching that general-purpose libraries do not give: a fresh, untimed
 * fixture per sample (a new engine and store, so every sample executes the same
 * complaint lifecycles), one timer read per batch rather than per call (an async
 * call costs less than the timer's own jitter), async and sync bodies timed
 * without adding an `await` to the sync ones, and subject and baseline samples
 * interleaved so that a noisy neighbour on a shared machine slows both alike.
 * No suitable, well-kept library does all that on Node 20 without pulling in a
 * dependency tree for a few dozen lines.
 *
 * Statistics are medians and the 90th percentile (the slow tail), never means:
 * on shared, noisy machines one preempted sample would move a mean a lot.
 */

/** One benchmark: `run` performs exactly `opsPerSample` operations on a fixture made by `setup`. */
export interface BenchSpec<C = unknown> {
  readonly name: string;
  /** Operations performed by one call of `run` (commands, events, ids…). */
  readonly opsPerSample: number;
  /** Builds the sample's fixture; not timed. Called before every sample, warm-ups included. */
  readonly setup?: () => C | Promise<C>;
  /** The timed body: performs `opsPerSample` operations. */
  readonly run: (fixture: C) => unknown;
}

export interface HarnessOptions {
  /** Untimed samples per benchmark before measuring (JIT warm-up). */
  readonly warmup: number;
  /** Timed samples per benchmark. */
  readonly samples: number;
  /** Run `global.gc()` before each sample when node was started with `--expose-gc` (default true). */
  readonly gc?: boolean;
}

/** Per-operation statistics of one benchmark, in nanoseconds per operation. */
export interface Stats {
  readonly name: string;
  readonly samples: number;
  readonly opsPerSample: number;
  /** Nanoseconds per operation of each sample, in the order they were taken. */
  readonly perOpNs: readonly number[];
  readonly medianNs: number;
  /** The 90th percentile: nine samples in ten were at least this fast. */
  readonly p90Ns: number;
  readonly minNs: number;
  /** Operations per second at the median. */
  readonly opsPerSecond: number;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending-sorted values, interpolating linearly
 * between the closest ranks (the usual "type 7" definition: numpy's and R's default).
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no values');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile ${p} is not within [0, 1]`);
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

/** Statistics of samples already expressed in nanoseconds per operation. */
export function summarize(name: string, perOpNs: readonly number[], opsPerSample: number): Stats {
  const sorted = [...perOpNs].sort((a, b) => a - b);
  const medianNs = quantile(sorted, 0.5);
  return {
    name,
    samples: perOpNs.length,
    opsPerSample,
    perOpNs: [...perOpNs],
    medianNs,
    p90Ns: quantile(sorted, 0.9),
    minNs: sorted[0] as number,
    opsPerSecond: medianNs > 0 ? 1e9 / medianNs : Number.POSITIVE_INFINITY,
  };
}

/**
 * How many times the baseline's cost the subject's is: the ratio of median times
 * per operation. 3 means three times slower than the baseline; for throughputs
 * it is the baseline's operations per second over the subject's.
 */
export function compare(subject: Pick<Stats, 'medianNs'>, baseline: Pick<Stats, 'medianNs'>): number {
  if (!(baseline.medianNs > 0)) throw new RangeError('the baseline median must be positive');
  return subject.medianNs / baseline.medianNs;
}

const maybeGc = (enabled: boolean) => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (enabled && typeof gc === 'function') gc();
};

/** Whether `global.gc` is there (node started with `--expose-gc`). */
export const gcExposed = (): boolean => typeof (globalThis as { gc?: unknown }).gc === 'function';

/** Times one sample: nanoseconds per operation. */
async function sample<C>(spec: BenchSpec<C>, gc: boolean): Promise<number> {
  const fixture = spec.setup ? await spec.setup() : (undefined as C);
  maybeGc(gc);
  const start = process.hrtime.bigint();
  const result = spec.run(fixture);
  // Only async bodies are awaited, so a sync body is not charged a microtask.
  if (result instanceof Promise) await result;
  const end = process.hrtime.bigint();
  return Number(end - start) / spec.opsPerSample;
}

/**
 * Runs benchmarks together: each is warmed up, then their samples are taken in
 * rounds (A B C, B C A, C A B, …) so that slow phases of a shared machine hit
 * every benchmark of the group, and none always runs first. Measure a subject in
 * the same group as its baseline.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each spec has its own fixture type
export async function measure(specs: readonly BenchSpec<any>[], options: HarnessOptions): Promise<Map<string, Stats>> {
  const gc = options.gc ?? true;
  if (new Set(specs.map((s) => s.name)).size !== specs.length) throw new RangeError('benchmark names must be unique');
  if (!(options.samples >= 1)) throw new RangeError('at least one sample is needed');
  for (const spec of specs) {
    if (!(spec.opsPerSample > 0)) throw new RangeError(`${spec.name}: opsPerSample must be positive`);
    for (let i = 0; i < options.warmup; i++) await sample(spec, gc);
  }
  const times = new Map<string, number[]>(specs.map((s) => [s.name, []]));
  for (let round = 0; round < options.samples; round++) {
    for (let k = 0; k < specs.length; k++) {
      const spec = specs[(round + k) % specs.length] as BenchSpec;
      times.get(spec.name)?.push(await sample(spec, gc));
    }
  }
  return new Map(specs.map((s) => [s.name, summarize(s.name, times.get(s.name) ?? [], s.opsPerSample)]));
}
