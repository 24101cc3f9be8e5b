import { fc, test } from '@fast-check/vitest';
import {
  COMMAND_TYPES,
  commandSchema,
  followUpSurveySchema,
  initialComplaintState,
  type CommandType,
  type ComplaintState,
  type FollowUpSurvey,
} from '@redress/core';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { complaintData, complaintSource, type ComplaintData } from './complaints.js';
import { followUpPayload, payloadGenerators, type CommandContext } from './payloads.js';
import { customer } from './people.js';
import { CSI_DIMENSIONS, followUpSurvey, type SurveyDimension } from './surveys.js';
import { commandSequence } from './walk.js';

const NOW = '2026-11-23T09:00:00.000Z';
const HAN = /\p{Script=Han}/u;

/**
 * Every optional field of a schema, as a path: `customer.segment`,
 * `survey.ratings[].reasons`. Read from core's zod schemas, so a field core adds is
 * listed here without anyone remembering to.
 */
function optionalFields(schema: z.ZodType, prefix = ''): string[] {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return optionalFields(schema.unwrap() as z.ZodType, prefix);
  if (schema instanceof z.ZodArray) return optionalFields(schema.element as z.ZodType, `${prefix}[]`);
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [...(field instanceof z.ZodOptional ? [path] : []), ...optionalFields(field, path)];
  });
}

const payloadSchemaOf = (type: CommandType) => commandSchema.options.find((o) => o.shape.type.value === type)?.shape.data as z.ZodType;

/** The objects a field is looked up in, over all payloads: those its parents exist in (each element, under an array). */
function holdersOf(payloads: readonly unknown[], path: string): Record<string, unknown>[] {
  const segments = path.split('.').slice(0, -1);
  return segments.reduce<unknown[]>(
    (holders, segment) =>
      holders.flatMap((holder) => {
        const many = segment.endsWith('[]');
        const next = (holder as Record<string, unknown>)[many ? segment.slice(0, -2) : segment];
        return next === undefined ? [] : many ? (next as unknown[]) : [next];
      }),
    [...payloads],
  ) as Record<string, unknown>[];
}

/**
 * The states payloads are drawn in: some payload guards make a field required in one
 * state and optional in another (the acknowledgement at confirmation, the preventive
 * action at archiving), so a field may only be left out in the second.
 */
const STATES: readonly ComplaintState[] = [
  initialComplaintState,
  {
    ...initialComplaintState,
    step: 'investigating',
    complaintId: 'complaint-1',
    severity: 'major',
    cycle: 1,
    acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true },
    preventiveAction: 'Torque check added to the service checklist.',
    handlerId: 'handler-li-0',
  },
  // A meeting arranged for tomorrow: a move may give only the time or only the venue.
  {
    ...initialComplaintState,
    step: 'resolutionProposed',
    complaintId: 'complaint-1',
    severity: 'general',
    priority: 'P3',
    cycle: 1,
    acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true },
    handlerId: 'handler-wang-1',
    meeting: { at: '2026-11-24T10:00:00.000Z', venue: 'Customer lounge' },
  },
];

function samplePayloads(type: CommandType, runs = 300): unknown[] {
  // The table pairs each type with its generator; read as plain values here.
  const generator = payloadGenerators[type] as unknown as (context: CommandContext) => fc.Arbitrary<unknown>;
  return STATES.flatMap((state, i) =>
    fc.sample(generator({ complaintId: 'complaint-1', now: NOW, state, locale: 'any' }), { numRuns: runs, seed: 20261123 + i }),
  );
}

describe('optional fields of command payloads', () => {
  it('are listed from core’s schemas (the new ones among them)', () => {
    const fields = COMMAND_TYPES.flatMap((type) => optionalFields(payloadSchemaOf(type)).map((f) => `${type}.${f}`));
    expect(fields).toEqual(
      expect.arrayContaining([
        'ReceiveComplaint.customer.segment',
        'ReceiveComplaint.product.kind',
        'ReceiveComplaint.region',
        'ReceiveComplaint.businessLine',
        'ReceiveComplaint.source.reference',
        'ReceiveComplaint.acknowledgement.words',
        'IdentifyCause.checks.usageAndMaintenance',
        'RecordFollowUp.survey.ratings[].reasons',
        'RecordFollowUp.survey.comment',
        'AssignHandler.meetingAt',
        'ClassifyComplaint.impact',
        'ClassifyComplaint.safety',
        'ClassifyComplaint.repeatCount',
        'ArrangeMeeting.venue',
      ]),
    );
  });

  it.each(COMMAND_TYPES.map((type) => [type]))('%s: every one is generated, and left out, and the payloads parse', (type) => {
    const payloads = samplePayloads(type);
    for (const data of payloads) {
      const parsed = commandSchema.safeParse({ type, complaintId: 'complaint-1', actor: { id: 'handler-li-0', role: 'handler' }, data });
      expect(parsed.success, `${JSON.stringify(data)}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    const missing = optionalFields(payloadSchemaOf(type)).flatMap((path) => {
      const key = path.split('.').at(-1) as string;
      const holders = holdersOf(payloads, path);
      const present = holders.filter((h) => h[key] !== undefined).length;
      return [...(present === 0 ? [`${path} is never generated`] : []), ...(present === holders.length ? [`${path} is never left out`] : [])];
    });
    expect(missing, 'a generator in payloads.ts (or complaints.ts, surveys.ts) should produce it, sometimes').toEqual([]);
  });

  it('shrink towards left out: a counterexample keeps only what it needs', () => {
    const shrunk = <T>(arbitrary: fc.Arbitrary<T>, holds: (value: T) => boolean): T => {
      const result = fc.check(fc.property(arbitrary, holds), { seed: 42 });
      expect(result.failed).toBe(true);
      return (result.counterexample as [T])[0];
    };
    // "No complaint says what revealed it" is false: the counterexample is the least complaint that does.
    expect(shrunk(complaintData({ locale: 'en' }), (d) => d.source === undefined)).toEqual({
      customer: { reference: 'cust-000000' },
      channel: 'phone',
      description: expect.any(String),
      demand: expect.any(String),
      source: { kind: 'survey' },
    });
    // "No follow-up carries a survey": one rating, no reasons, no comments, nothing else on the follow-up.
    const context: CommandContext = { complaintId: 'complaint-1', now: NOW, state: initialComplaintState, locale: 'en' };
    expect(shrunk(payloadGenerators.RecordFollowUp(context), (d) => d.survey === undefined)).toEqual({
      satisfied: false,
      survey: { ratings: [{ dimension: 'skill', score: 1 }] },
    });
  });
});

describe('texts in the locale asked for', () => {
  /** The texts of a complaint a desk writes in a language (not ids, plates, models, phone numbers). */
  const localizedTexts = (d: ComplaintData) =>
    [d.description, d.demand, d.branch, d.region, d.businessLine, d.customer.segment, d.source?.note, d.acknowledgement?.words].filter(
      (t): t is string => t !== undefined,
    );

  test.prop([complaintData({ locale: 'en' }), complaintData({ locale: 'zh-CN' })])('complaints: every text in English, or in Chinese', (en, zh) => {
    const { product: _plate, ...rest } = en; // Chinese plates (京A·7K2M9) are plates in any language.
    expect(JSON.stringify(rest)).not.toMatch(HAN);
    for (const t of localizedTexts(zh)) expect(t).toMatch(HAN);
  });

  test.prop([complaintData()])('complaints in either language: branch, region, business line, source and words follow the description', (d) => {
    const chinese = HAN.test(d.description);
    for (const t of [d.branch, d.region, d.businessLine, d.source?.note, d.acknowledgement?.words]) if (t !== undefined) expect(HAN.test(t)).toBe(chinese);
  });

  test.prop([customer()])('customers: segment and name in one language', (c) => {
    if (c.name !== undefined && c.segment !== undefined) expect(HAN.test(c.segment)).toBe(HAN.test(c.name));
  });

  test.prop([complaintSource({ locale: 'zh-CN' }), followUpSurvey({ locale: 'en' }), followUpSurvey({ locale: 'zh-CN' })])(
    'sources and surveys',
    (source, en, zh) => {
      if (source.note !== undefined) expect(source.note).toMatch(HAN);
      expect(JSON.stringify(en)).not.toMatch(HAN);
      for (const t of [zh.comment, ...zh.ratings.map((r) => r.comment)]) if (t !== undefined) expect(t).toMatch(HAN);
    },
  );

  const identifyCause = (locale: 'en' | 'zh-CN') => payloadGenerators.IdentifyCause({ complaintId: 'c-1', now: NOW, state: initialComplaintState, locale });
  test.prop([identifyCause('en'), identifyCause('zh-CN')])('the three checks are in the findings’ language, for product-quality causes only', (en, zh) => {
    for (const [data, chinese] of [[en, false], [zh, true]] as const) {
      if (data.checks === undefined) continue;
      expect(data.cause).toBe('productQuality');
      for (const t of Object.values(data.checks)) expect(HAN.test(t as string)).toBe(chinese);
    }
  });
});

describe('follow-up surveys', () => {
  const reasonsOf = (dimensions: readonly SurveyDimension[], id: string) => (dimensions.find((d) => d.id === id)?.reasons ?? []).map((r) => r.id);

  test.prop([followUpSurvey()])('are valid, rate each dimension once, and give a dimension’s own reason codes for low scores only', (survey) => {
    expect(followUpSurveySchema.parse(survey)).toEqual(survey);
    for (const rating of survey.ratings) {
      expect(CSI_DIMENSIONS.map((d) => d.id)).toContain(rating.dimension);
      if (rating.reasons === undefined) continue;
      expect(rating.score).toBeLessThanOrEqual(6);
      expect(reasonsOf(CSI_DIMENSIONS, rating.dimension)).toEqual(expect.arrayContaining(rating.reasons));
      expect(new Set(rating.reasons).size).toBe(rating.reasons.length);
    }
  });

  it('lean the customer’s way, but not always', () => {
    const scores = (satisfied: boolean) =>
      fc.sample(followUpSurvey({ satisfied }), { numRuns: 300, seed: 5 }).flatMap((s: FollowUpSurvey) => s.ratings.map((r) => r.score));
    const happy = scores(true);
    const unhappy = scores(false);
    expect(happy.filter((s) => s >= 6).length / happy.length).toBeGreaterThan(0.8);
    expect(unhappy.filter((s) => s <= 5).length / unhappy.length).toBeGreaterThan(0.8);
    // Satisfied customers who still rate a dimension low, and the other way round: `satisfied` is the workflow's input.
    expect(happy.some((s) => s <= 3)).toBe(true);
    expect(unhappy.some((s) => s >= 8)).toBe(true);
    // Usually every dimension is rated, as real surveys go; sometimes only some.
    const sizes = fc.sample(followUpSurvey(), { numRuns: 300, seed: 5 }).map((s) => s.ratings.length);
    expect(sizes.filter((n) => n === CSI_DIMENSIONS.length).length / sizes.length).toBeGreaterThan(0.5);
    expect(sizes.some((n) => n < CSI_DIMENSIONS.length)).toBe(true);
  });

  it('use the dimensions and reason codes of @redress/csi’s default configuration', async () => {
    // Copied, not imported (@redress/testing does not depend on @redress/csi): read the source to catch a drift.
    const defaults = new URL('../../../csi/src/dimensions/defaults.ts', import.meta.url).href;
    const { DEFAULT_CSI_CONFIG } = (await import(/* @vite-ignore */ defaults)) as {
      DEFAULT_CSI_CONFIG: { dimensions: readonly { id: string; reasons: readonly { id: string }[] }[] };
    };
    const ids = (dimensions: readonly SurveyDimension[]) => dimensions.map((d) => [d.id, (d.reasons ?? []).map((r) => r.id)]);
    expect(ids(CSI_DIMENSIONS)).toEqual(ids(DEFAULT_CSI_CONFIG.dimensions));
  });

  it('follow the host’s own dimensions, or are left out, through the `generators` option', () => {
    const dimensions = [{ id: 'cleanliness', reasons: [{ id: 'dirtySeats' }] }, { id: 'price' }];
    const walks = fc.sample(commandSequence({ maxLength: 40, generators: { RecordFollowUp: followUpPayload({ dimensions }) } }), { numRuns: 60, seed: 3 });
    const surveys = walks.flat().flatMap(({ command }) => (command.type === 'RecordFollowUp' && command.data.survey ? [command.data.survey] : []));
    expect(surveys.length).toBeGreaterThan(0);
    for (const survey of surveys) {
      for (const rating of survey.ratings) {
        expect(['cleanliness', 'price']).toContain(rating.dimension);
        for (const reason of rating.reasons ?? []) expect(reason).toBe('dirtySeats');
      }
    }
    const context: CommandContext = { complaintId: 'complaint-1', now: NOW, state: initialComplaintState };
    for (const data of fc.sample(followUpPayload({ survey: false })(context), { numRuns: 100, seed: 3 })) expect(data).not.toHaveProperty('survey');
  });

  it('refuse dimensions a survey could not rate', () => {
    expect(() => followUpPayload({ dimensions: [] })).toThrow(RangeError);
    expect(() => followUpSurvey({ dimensions: [{ id: 'skill' }, { id: 'skill' }] })).toThrow(/unique/);
  });
});
