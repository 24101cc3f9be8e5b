/**
 * The default ids keep nanoid's format (21 characters of its URL-safe alphabet) and stay unique across
 * the random pool's refills; every character of the alphabet turns up, so no position is stuck.
 */
import { urlAlphabet } from 'nanoid';
import { describe, expect, it } from 'vitest';
import { nanoidGenerator, sequentialIds } from './ids.js';

describe('nanoidGenerator', () => {
  it("gives nanoid's format, unique ids across pool refills, every character of the alphabet used at every position", () => {
    const ids = Array.from({ length: 20_000 }, () => nanoidGenerator());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/);
    for (let position = 0; position < 21; position++) {
      expect(new Set(ids.map((id) => id[position])).size, `position ${position}`).toBe(urlAlphabet.length);
    }
  });

  it('is independent of the ids handed out before (no shared array leaks into a returned id)', () => {
    const first = nanoidGenerator();
    const copy = `${first}`;
    for (let i = 0; i < 300; i++) nanoidGenerator();
    expect(first).toBe(copy);
  });
});

describe('sequentialIds', () => {
  it('counts from 1 under its prefix', () => {
    const next = sequentialIds('c');
    expect([next(), next()]).toEqual(['c-1', 'c-2']);
  });
});
