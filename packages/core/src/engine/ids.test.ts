import { nanoid, urlAlphabet } from 'nanoid';
import { describe, expect, it } from 'vitest';
import { nanoidGenerator } from './ids.js';

describe('nanoidGenerator', () => {
  it('gives nanoid ids: 21 symbols of its URL-safe alphabet', () => {
    for (let i = 0; i < 2_000; i++) expect(nanoidGenerator()).toMatch(/^[A-Za-z0-9_-]{21}$/);
  });

  it('never repeats an id, also when nanoid() draws from the same pool in between', () => {
    // nanoid refills its pool in place: bytes kept as a view of it would come back in later nanoid() ids.
    const seen = new Set<string>();
    for (let i = 0; i < 60_000; i++) {
      seen.add(nanoidGenerator());
      seen.add(nanoid());
      if (i % 7 === 0) seen.add(nanoid(300));
    }
    expect(seen.size).toBe(60_000 * 2 + Math.ceil(60_000 / 7));
  });

  it('spreads every position evenly over the 64 symbols', () => {
    // 64 × 400 ids: each symbol expected 400 times per position; a mapping bug (a constant, a skewed
    // modulo, a repeated byte) moves counts far outside these bounds, chance does not (±6σ ≈ ±120).
    const n = 64 * 400;
    const counts = Array.from({ length: 21 }, () => new Map<string, number>());
    for (let i = 0; i < n; i++) {
      const id = nanoidGenerator();
      for (let p = 0; p < 21; p++) counts[p]!.set(id[p]!, (counts[p]!.get(id[p]!) ?? 0) + 1);
    }
    for (const position of counts) {
      expect(position.size).toBe(64);
      for (const symbol of urlAlphabet) expect(position.get(symbol)).toBeGreaterThan(280);
      for (const symbol of urlAlphabet) expect(position.get(symbol)).toBeLessThan(520);
    }
  });

  it('does not give the same symbols at neighbouring positions more often than chance', () => {
    let same = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const id = nanoidGenerator();
      for (let p = 1; p < 21; p++) if (id[p] === id[p - 1]) same++;
    }
    // Expected n × 20 / 64 = 6,250 (σ ≈ 78).
    expect(same).toBeGreaterThan(5_800);
    expect(same).toBeLessThan(6_700);
  });
});
