import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../commands/schema.js';
import { IMPACTS, PRIORITIES, URGENCIES, type Impact, type Urgency } from '../domain/vocabulary.js';
import { WorkflowConfigError } from '../errors/errors.js';
import { testEngine } from '../test-support/engine.js';
import { actors, commandOf } from '../test-support/fixtures.js';
import { NOW } from '../test-support/given.js';
import { classify, defaultClassificationMatrix, parseClassificationMatrix, type ClassificationMatrix } from './matrix.js';

const rank = (p: string) => PRIORITIES.indexOf(p as never);
const impact = fc.constantFrom(...IMPACTS);
const urgency = fc.constantFrom(...URGENCIES);
const flags = fc.record({ safety: fc.option(fc.boolean(), { nil: undefined }), repeatCount: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }) });

describe('the severity matrix', () => {
  test.prop([impact, urgency, flags])('a safety issue is always major, and at least P1 by default', (i, u, f) => {
    const c = classify({ impact: i, urgency: u, ...f, safety: true });
    expect(c).toEqual({ severity: 'major', priority: 'P1' });
  });

  test.prop([impact, urgency, impact, urgency, flags])('more impact or more urgency never lowers severity or priority (default matrix)', (i1, u1, i2, u2, f) => {
    fc.pre(IMPACTS.indexOf(i1) <= IMPACTS.indexOf(i2) && URGENCIES.indexOf(u1) <= URGENCIES.indexOf(u2));
    const low = classify({ impact: i1, urgency: u1, ...f });
    const high = classify({ impact: i2, urgency: u2, ...f });
    expect(rank(high.priority)).toBeLessThanOrEqual(rank(low.priority));
    if (low.severity === 'major') expect(high.severity).toBe('major');
  });

  test.prop([impact, urgency, fc.integer({ min: 1, max: 10 })])('from the third complaint about it: major, one priority higher (never above P1)', (i, u, count) => {
    const first = classify({ impact: i, urgency: u });
    const repeated = classify({ impact: i, urgency: u, repeatCount: count });
    if (count < 3) expect(repeated).toEqual(first);
    else expect(repeated).toEqual({ severity: 'major', priority: PRIORITIES[Math.max(0, rank(first.priority) - 1)] });
  });

  it('derives every cell from the table, and gives plain severities the plain priorities', () => {
    for (const i of IMPACTS) for (const u of URGENCIES) expect(classify({ impact: i, urgency: u })).toEqual(defaultClassificationMatrix.cells[i][u]);
    expect(classify({ severity: 'general' })).toEqual({ severity: 'general', priority: 'P3' });
    expect(classify({ severity: 'major' })).toEqual({ severity: 'major', priority: 'P2' });
    expect(classify({ severity: 'general', safety: true })).toEqual({ severity: 'major', priority: 'P1' });
  });

  it('follows the host’s matrix: its cells, its repeat policy', () => {
    const strict: ClassificationMatrix = {
      ...defaultClassificationMatrix,
      name: 'strict',
      repeat: { from: 2, severity: 'unchanged', raisePriority: 2 },
    };
    expect(classify({ impact: 'low', urgency: 'low', repeatCount: 2 }, strict)).toEqual({ severity: 'general', priority: 'P2' });
  });

  it('refuses a matrix that cannot work, naming each problem', () => {
    const bad = { ...defaultClassificationMatrix, repeat: { from: 1, severity: 'major', raisePriority: 5 }, plain: { general: 'P9', major: 'P2' } };
    expect(() => parseClassificationMatrix(bad)).toThrow(WorkflowConfigError);
    const message = (() => {
      try {
        parseClassificationMatrix(bad);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    for (const line of ['✖ repeat.from: a first complaint is not a repeat', '✖ repeat.raisePriority', '✖ plain.general']) expect(message).toContain(line);
    expect(() => testEngine({ classification: bad as never })).toThrow(/invalid classification matrix/);
  });
});

describe('classifying through the engine', () => {
  async function confirmed(options: Parameters<typeof testEngine>[0] = {}) {
    const t = testEngine(options);
    await t.engine.executeOrThrow(commandOf('ReceiveComplaint', 'c-1', NOW));
    await t.engine.executeOrThrow(commandOf('ConfirmComplaint', 'c-1', NOW));
    return t;
  }
  const classifyWith = (data: object): CommandInput => ({ type: 'ClassifyComplaint', complaintId: 'c-1', actor: actors.handler, data }) as CommandInput;

  it('records what was assessed, what the matrix derived and which matrix', async () => {
    const { engine, tickets } = await confirmed();
    const { events } = await engine.executeOrThrow(classifyWith({ impact: 'medium', urgency: 'high', repeatCount: 1, reason: 'Car off the road' }));
    expect(events[0]?.data).toEqual({
      severity: 'major',
      previousSeverity: null,
      priority: 'P2',
      impact: 'medium',
      urgency: 'high',
      repeatCount: 1,
      reason: 'Car off the road',
      matrix: 'default',
    });
    expect(engine.view(tickets).get('c-1')).toMatchObject({ severity: 'major', priority: 'P2' });
  });

  it('keeps plain { severity } working, with the matrix’s priority', async () => {
    const { engine } = await confirmed();
    const { events } = await engine.executeOrThrow(classifyWith({ severity: 'general' }));
    expect(events[0]?.data).toEqual({ severity: 'general', previousSeverity: null, priority: 'P3', matrix: 'default' });
  });

  it('uses the host’s matrix', async () => {
    const cells = Object.fromEntries(
      IMPACTS.map((i: Impact) => [i, Object.fromEntries(URGENCIES.map((u: Urgency) => [u, { severity: 'general', priority: 'P4' }]))]),
    ) as ClassificationMatrix['cells'];
    const { engine } = await confirmed({ classification: { ...defaultClassificationMatrix, name: 'calm-desk', cells } });
    const { events } = await engine.executeOrThrow(classifyWith({ impact: 'high', urgency: 'high' }));
    expect(events[0]?.data).toMatchObject({ severity: 'general', priority: 'P4', matrix: 'calm-desk' });
  });

  it('refuses inputs that do not add up, with the path', async () => {
    const { engine } = await confirmed();
    for (const [data, path, message] of [
      [{}, 'data.severity', /give the severity/],
      [{ impact: 'high' }, 'data.urgency', /assessed together/],
      [{ severity: 'major', impact: 'high', urgency: 'low' }, 'data.severity', /not both/],
    ] as const) {
      const result = await engine.execute(classifyWith(data));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.kind === 'Validation' && result.error.issues).toEqual([expect.objectContaining({ path, message: expect.stringMatching(message) })]);
    }
  });

  it('accepts a reclassification that changes only the priority, refuses one that changes nothing', async () => {
    const { engine } = await confirmed();
    await engine.executeOrThrow(classifyWith({ impact: 'low', urgency: 'low' })); // general P4
    await engine.executeOrThrow(classifyWith({ impact: 'low', urgency: 'high' })); // general P3
    const same = await engine.execute(classifyWith({ severity: 'general' })); // general P3 again
    expect(same.ok).toBe(false);
    expect(!same.ok && same.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'classificationChanges', message: 'the complaint is already classified as general P3' } });
  });
});
