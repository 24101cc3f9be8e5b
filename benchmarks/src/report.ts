/**
 * Benchmark results as records: machine-readable JSON, and a table for people.
 */
import { compare, type Stats } from './harness.js';

/** `µs/…` units are times per operation (lower is better); `events/s` is a throughput (higher is better). */
export type Unit = 'µs/command' | 'µs/event' | 'µs/id' | 'µs/call' | 'events/s';

export interface Target {
  /** `max`: the median must be at most `value` (times); `min`: at least `value` (throughputs). */
  readonly kind: 'max' | 'min';
  readonly value: number;
  readonly unit: Unit;
}

export interface BenchRecord {
  readonly name: string;
  readonly description: string;
  readonly unit: Unit;
  /** In `unit`. For a throughput, `p90` is the slow tail too: the throughput of the 90th-percentile time. */
  readonly median: number;
  readonly p90: number;
  /** The fastest sample, in `unit` (for a throughput: the highest one). */
  readonly min: number;
  readonly samples: number;
  readonly opsPerSample: number;
  readonly medianNsPerOp: number;
  /** Every sample, in `unit`, in the order taken. */
  readonly perSample: readonly number[];
  readonly baseline: string | null;
  /** The baseline's median, in this record's unit. */
  readonly baselineMedian: number | null;
  /** Subject's median time per operation ÷ the baseline's: 3 means three times the baseline's cost. */
  readonly ratio: number | null;
  readonly target: Target | null;
  /** Whether the median meets the target; `null` when there is none. */
  readonly met: boolean | null;
  /** The bound on `ratio` (at most this many times the baseline), or `null`. */
  readonly maxRatio: number | null;
  /** Whether `ratio` is within `maxRatio`; `null` when there is no bound. */
  readonly ratioMet: boolean | null;
}

const inUnit = (ns: number, unit: Unit) => (unit === 'events/s' ? 1e9 / ns : ns / 1000);

export function record(
  stats: Stats,
  info: { readonly description: string; readonly unit: Unit; readonly baseline?: Stats; readonly target?: Target; readonly maxRatio?: number },
): BenchRecord {
  const { unit, baseline, target } = info;
  const median = inUnit(stats.medianNs, unit);
  const ratio = baseline ? compare(stats, baseline) : null;
  const maxRatio = info.maxRatio ?? null;
  return {
    name: stats.name,
    description: info.description,
    unit,
    median,
    p90: inUnit(stats.p90Ns, unit),
    min: inUnit(stats.minNs, unit),
    samples: stats.samples,
    opsPerSample: stats.opsPerSample,
    medianNsPerOp: stats.medianNs,
    perSample: stats.perOpNs.map((ns) => inUnit(ns, unit)),
    baseline: baseline?.name ?? null,
    baselineMedian: baseline ? inUnit(baseline.medianNs, unit) : null,
    ratio,
    target: target ?? null,
    met: target ? (target.kind === 'max' ? median <= target.value : median >= target.value) : null,
    maxRatio,
    ratioMet: maxRatio === null || ratio === null ? null : ratio <= maxRatio,
  };
}

const fmt = (value: number, unit: Unit): string => {
  if (unit === 'events/s') {
    if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M/s`;
    return `${(value / 1e3).toFixed(0)} k/s`;
  }
  return value >= 100 ? `${value.toFixed(0)} µs` : value >= 1 ? `${value.toFixed(2)} µs` : `${(value * 1000).toFixed(0)} ns`;
};

const targetText = (t: Target | null) => (t === null ? '' : `${t.kind === 'max' ? '≤' : '≥'} ${fmt(t.value, t.unit)}`);

/** A plain-text table of the records. */
export function table(records: readonly BenchRecord[]): string {
  const head = ['benchmark', 'per', 'median', 'p90', 'baseline', 'ratio', 'target', 'met'];
  const rows = records.map((r) => [
    r.name,
    r.unit.replace('µs/', '').replace('events/s', 'event'),
    fmt(r.median, r.unit),
    fmt(r.p90, r.unit),
    r.baselineMedian === null ? '' : `${fmt(r.baselineMedian, r.unit)} (${r.baseline})`,
    r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`,
    [targetText(r.target), r.maxRatio === null ? '' : `≤ ${r.maxRatio}×`].filter(Boolean).join(', '),
    [r.met, r.ratioMet].every((m) => m === null) ? '' : [r.met, r.ratioMet].includes(false) ? 'NO' : 'yes',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * How the benchmarks ran: from the compiled `dist/` against the packages' built
 * JavaScript (what users run), or from TypeScript through tsx, whose helpers cost
 * execute() a few per cent and triple its GC. Kept in every results file.
 */
export function runtime(): { readonly code: 'built JavaScript' | 'TypeScript through a loader'; readonly core: string } {
  const core = import.meta.resolve('@redress/core');
  const fromSource = import.meta.url.endsWith('.ts') || !core.includes('/dist/');
  return { code: fromSource ? 'TypeScript through a loader' : 'built JavaScript', core: core.replace(/^.*\/packages\//, 'packages/') };
}
