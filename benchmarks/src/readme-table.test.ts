import { describe, expect, it } from 'vitest';
import { renderTable, withTable, type Results } from './readme-table.js';

const results = (benchmarks: Results['benchmarks'], extra: Partial<Results> = {}): Results => ({
  date: '2026-12-02T05:00:00.000Z',
  node: 'v20.20.2',
  cpu: 'AMD EPYC',
  cpus: 2,
  runtime: { code: 'built JavaScript' },
  loadAverage: [3.5, 3, 2],
  benchmarks,
  ...extra,
});

describe('the README benchmark table', () => {
  it('shows each row with its median, same-run baseline, ratio and whether its targets are met', () => {
    const core = results({
      execute: { name: 'execute', unit: 'µs/command', median: 30, baseline: 'execute.baseline', baselineMedian: 10, ratio: 3, maxRatio: 2, target: { kind: 'max', value: 5, unit: 'µs/command' }, met: false },
      'rebuild.ticketView.vsHand': { name: 'rebuild.ticketView.vsHand', unit: 'events/s', median: 1_500_000, baseline: 'rebuild.ticketView.hand', baselineMedian: 3_000_000, ratio: 2, maxRatio: 3, target: { kind: 'min', value: 1e6, unit: 'events/s' }, met: true },
    });
    const sla = results(
      { 'tick, 1200 due': { name: 'tick, 1200 due', unit: 'µs/event', median: 3.5, baseline: 'append', baselineMedian: 0.5, ratio: 7 } },
      { memory: { slaBytesPerTicket: 900, baselineBytesPerTicket: 100, ratio: 9 }, fixtures: { tickets: 1_000_000 } },
    );
    const table = renderTable(core, sla);
    expect(table).toContain('| 30.00 µs | 10.00 µs (`execute.baseline`) | 3.00× | ≤ 5.00 µs: **not met**; ≤ 2×: **not met** |');
    expect(table).toContain('| 1.50 M events/s | 3.00 M events/s (`rebuild.ticketView.hand`) | 2.00× | ≥ 1.00 M events/s: met; ≤ 3×: met |');
    expect(table).toContain('at 1.0M tickets, default policy, vs a bare due table | 900 B | 100 B | 9.00× | ≤ 1024 B: met |');
    expect(table).toContain('| 3.50 µs | 500 ns (`append`) | 7.00× | ≤ 3 µs: **not met** |');
    expect(table).toContain('built JavaScript, load average 3.5');
    expect(table).not.toContain('SQLite');
  });

  it('adds the SQLite rows, against the raw insert of the same run, when their results are given', () => {
    const core = results({});
    const sqlite = results({
      'sqlite execute (synchronous=normal)': { name: 'sqlite execute (synchronous=normal)', unit: 'µs/command', median: 60, baseline: 'raw insert', baselineMedian: 45, ratio: 60 / 45, maxRatio: 1.2 },
      'sqlite execute (synchronous=full)': { name: 'sqlite execute (synchronous=full)', unit: 'µs/command', median: 140, baseline: 'raw insert', baselineMedian: 120, ratio: 140 / 120, maxRatio: 1.2 },
    });
    const table = renderTable(core, undefined, sqlite);
    expect(table).toContain('(`synchronous = NORMAL`), per command, vs raw better-sqlite3 writing the same rows with the same version check | 60.00 µs | 45.00 µs (`raw insert`) | 1.33× | ≤ 1.2×: **not met** |');
    expect(table).toContain('| 140 µs | 120 µs (`raw insert`) | 1.17× | ≤ 1.2×: met |');
    expect(table).toContain('`results/sqlite.json`: 2026-12-02');
  });

  it('replaces only what lies between the markers, and refuses a README without them', () => {
    const readme = 'before\n<!-- benchmarks:start -->\nold\n<!-- benchmarks:end -->\nafter\n';
    expect(withTable(readme, 'new')).toBe('before\n<!-- benchmarks:start -->\nnew\n<!-- benchmarks:end -->\nafter\n');
    expect(withTable(withTable(readme, 'new'), 'new')).toBe(withTable(readme, 'new'));
    expect(() => withTable('no markers', 'new')).toThrow(/no <!-- benchmarks:start -->/);
  });
});
