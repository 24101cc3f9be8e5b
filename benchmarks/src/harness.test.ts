import { describe, expect, it } from 'vitest';
import { compare, measure, quantile, summarize } from './harness.js';

// Statistics only: no assertion here depends on how fast the machine is.
describe('harness statistics', () => {
  it('takes quantiles by linear interpolation between closest ranks', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 1)).toBe(10);
    expect(quantile(sorted, 0.5)).toBe(5.5);
    expect(quantile(sorted, 0.9)).toBeCloseTo(9.1, 10);
    expect(quantile([42], 0.9)).toBe(42);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it('summarizes unsorted samples: median, p90, min and ops/s at the median', () => {
    // Per-op times of 11 samples, one of them a preempted outlier.
    const perOpNs = [120, 100, 110, 105, 5_000, 95, 102, 98, 101, 99, 103];
    const stats = summarize('synthetic', perOpNs, 1_000);
    expect(stats.samples).toBe(11);
    expect(stats.opsPerSample).toBe(1_000);
    expect(stats.medianNs).toBe(102); // sorted: 95 98 99 100 101 [102] 103 105 110 120 5000
    expect(stats.p90Ns).toBe(120); // rank (11 - 1) × 0.9 = 9
    expect(stats.minNs).toBe(95);
    expect(stats.opsPerSecond).toBeCloseTo(1e9 / 102, 6);
    expect(stats.perOpNs).toEqual(perOpNs); // in the order taken
  });

  it('compares by the ratio of medians', () => {
    const subject = summarize('subject', [30, 31, 29], 10);
    const baseline = summarize('baseline', [10, 9, 11], 10);
    expect(compare(subject, baseline)).toBe(3);
    expect(compare(baseline, subject)).toBeCloseTo(1 / 3, 10);
    expect(() => compare(subject, { medianNs: 0 })).toThrow(RangeError);
  });

  it('runs setup before every sample, warm-ups included, and interleaves benchmarks', async () => {
    const calls: string[] = [];
    const spec = (name: string) => ({
      name,
      opsPerSample: 4,
      setup: () => calls.push(`setup ${name}`),
      run: () => {
        calls.push(`run ${name}`);
      },
    });
    const results = await measure([spec('a'), spec('b')], { warmup: 1, samples: 2, gc: false });
    expect(calls).toEqual([
      'setup a', 'run a', 'setup b', 'run b', // warm-up
      'setup a', 'run a', 'setup b', 'run b', // round 1
      'setup b', 'run b', 'setup a', 'run a', // round 2: rotated
    ]);
    expect(results.get('a')?.samples).toBe(2);
    expect(results.get('b')?.opsPerSample).toBe(4);
    await expect(measure([spec('a'), spec('a')], { warmup: 0, samples: 1 })).rejects.toThrow(RangeError);
  });
});
