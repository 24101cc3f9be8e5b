/**
 * The clocks' views, explain lines and ticker output on seeded random logs, against
 * what the projection gave before its compact representation (lazily allocated
 * clock runs, start lines derived from the cycles, the `started` crossing implied):
 * `explain.golden.json` was written by the eager representation (commit before the
 * change). `WRITE_GOLDEN=1` rewrites it; do so only for a deliberate change of
 * behaviour, never to make this pass.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { parseSlaConfig, type SlaConfig } from '../policy/config.js';
import { defaultSlaConfig } from '../policy/default-policy.js';
import { slaDigest } from '../test-support/digest.js';
import { logSteps, versionedConfig, writeLog } from '../test-support/random-log.js';

const D = 24 * 3_600_000;
const file = new URL('./explain.golden.json', import.meta.url);
const RUNS = 150;

const cases: readonly [string, ReturnType<typeof logSteps>, SlaConfig, number][] = [
  ['default', logSteps(3, 40), parseSlaConfig(defaultSlaConfig()), 20261202],
  ['versions', logSteps(3, 40, { versions: true }), parseSlaConfig(versionedConfig()), 20261203],
];

type Golden = Record<string, { readonly steps: string; readonly digest: string }[]>;
const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

async function compute(): Promise<{ golden: Golden; texts: Record<string, string[]> }> {
  const golden: Golden = {};
  const texts: Record<string, string[]> = {};
  for (const [name, steps, config, seed] of cases) {
    const samples = fc.sample(fc.tuple(steps, fc.integer({ min: 0, max: 10 * D })), { seed, numRuns: RUNS });
    golden[name] = [];
    texts[name] = [];
    for (const [list, later] of samples) {
      const { store, last } = await writeLog(list);
      const text = (await slaDigest(config, store, last + later)).join('\n');
      golden[name].push({ steps: sha(JSON.stringify([list, later])), digest: sha(text) });
      texts[name].push(text);
    }
  }
  return { golden, texts };
}

describe('the compact clocks against the eager ones', () => {
  it('give every seeded log the same views, explain lines and ticker events', async () => {
    const { golden, texts } = await compute();
    if (process.env.WRITE_GOLDEN === '1') writeFileSync(file, `${JSON.stringify(golden, null, 1)}\n`);
    // To see what changed: dump the texts before and after, and diff them.
    if (process.env.GOLDEN_DUMP) writeFileSync(process.env.GOLDEN_DUMP, Object.values(texts).flat().join('\n\n'));
    const expected = JSON.parse(readFileSync(file, 'utf8')) as Golden;
    for (const [name] of cases) {
      // The same logs: a change to the random-log arbitrary makes this file stale, not wrong.
      expect(golden[name]?.map((g) => g.steps), `${name}: the seeded logs changed; the golden file no longer describes them`).toEqual(expected[name]?.map((g) => g.steps));
      golden[name]?.forEach((g, i) => expect(g.digest, `${name} log ${i}:\n${texts[name]?.[i]}`).toBe(expected[name]?.[i]?.digest));
    }
    expect(Object.values(texts).flat().join('\n')).toMatch(/explain .*"action":"paused"/);
  });
});
