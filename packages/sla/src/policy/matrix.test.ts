import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CHANNELS, PRIORITIES, SEVERITIES } from '@redress/core';
import { parseSlaConfig } from './config.js';
import { matrixDuration, type Matrix } from './matrix.js';

const some = <T,>(values: readonly T[]) => fc.subarray([...values], { minLength: 1 });
const duration = fc.integer({ min: 1, max: 99 }).map((h) => `PT${h}H`);
const anyRule = fc.record({ severity: some(SEVERITIES), priority: some(PRIORITIES), channel: some(CHANNELS.slice(0, 4)), duration }, { requiredKeys: ['duration'] });
/** Rules naming at least one key (a rule naming none is refused on its own). */
const rule = anyRule.filter((r) => r.severity !== undefined || r.priority !== undefined || r.channel !== undefined);
const ticket = fc.record({ severity: fc.constantFrom(...SEVERITIES), priority: fc.option(fc.constantFrom(...PRIORITIES), { nil: undefined }), channel: fc.constantFrom(...CHANNELS.slice(0, 5)) });

/** The reference: the first rule listing the ticket's value for every key it names. */
function firstMatch(rules: readonly { severity?: string[]; priority?: string[]; channel?: string[]; duration: string }[], t: { severity: string; priority: string | undefined; channel: string }, otherwise: string) {
  const hit = rules.find(
    (r) => (!r.severity || r.severity.includes(t.severity)) && (!r.priority || (t.priority !== undefined && r.priority.includes(t.priority))) && (!r.channel || r.channel.includes(t.channel)),
  );
  return hit?.duration ?? otherwise;
}

describe('matrix targets', () => {
  test.prop([fc.array(anyRule, { minLength: 1, maxLength: 6 }), ticket])('pick the first rule whose every key matches, else otherwise; no priority never matches a priority rule', (rules, t) => {
    const matrix = { rules, otherwise: 'PT100H' } as Matrix;
    expect(matrixDuration(matrix, t)).toBe(firstMatch(rules, t, 'PT100H'));
  });

  test.prop([fc.array(rule, { minLength: 1, maxLength: 6 })])('validation refuses exactly the rules no ticket can reach', (rules) => {
    const tickets = SEVERITIES.flatMap((severity) => [...PRIORITIES, undefined].flatMap((priority) => CHANNELS.map((channel) => ({ severity, priority, channel }))));
    // Brute force: a rule is reachable when it is the first to match some ticket.
    const firstIndex = (t: (typeof tickets)[number]) => rules.findIndex((r) => firstMatch([r], t, 'none') !== 'none');
    const reachable = rules.map((_, i) => tickets.some((t) => firstIndex(t) === i));
    const config = { policies: [{ name: 'p', version: 1, clocks: [{ name: 'c', calendar: '24x7', start: [{ on: 'ComplaintReceived' }], target: { matrix: { rules, otherwise: 'PT100H' } } }] }] };
    let refused: number[] = [];
    try {
      parseSlaConfig(config);
    } catch (e) {
      refused = (e as { issues: { path: string }[] }).issues.map((i) => Number(i.path.split('.').at(-1)));
    }
    expect(refused).toEqual(reachable.flatMap((r, i) => (r ? [] : [i])));
  });
});
