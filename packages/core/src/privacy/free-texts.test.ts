/**
 * Every long free text of every complaint event is either personal by default or kept plaintext on purpose
 * (docs/privacy.md says why for each): a new text field cannot land in the log in plaintext unnoticed.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { longTextSchema } from '../domain/primitives.js';
import { complaintEventSchema } from '../events/schema.js';
import { DEFAULT_PERSONAL_DATA } from './personal-data.js';

/** Written about the work, not the customer: plaintext by the rule in docs/privacy.md. */
const PLAINTEXT: Readonly<Record<string, readonly string[]>> = {
  ComplaintClassified: ['reason'],
  ComplaintEscalated: ['reason'],
  InvestigationStarted: ['plan'],
  CauseIdentified: ['findings', 'checks.product', 'checks.operatingConditions', 'checks.usageAndMaintenance'],
  ResolutionProposed: ['remedy.description'],
  RemedyRejected: ['reason'],
  RemedyExecuted: ['outcome'],
  PreventiveActionRecorded: ['action'],
  ResponsibilityAttributed: ['reason'],
  ComplaintDeclined: ['criterionDescription'],
  ResolutionOptionsOffered: ['options[].remedy.description'],
  CustomerChoiceRecorded: ['remedy.description'],
  WrittenNoticeSigned: ['remedy.description'],
};

/** The paths (`a.b`, `list[].c`) of every `longTextSchema` in a schema. */
function longTexts(schema: z.core.$ZodType, path = ''): string[] {
  if (schema === longTextSchema) return [path];
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return longTexts(def.innerType as z.core.$ZodType, path);
    case 'pipe':
      return longTexts(def.in as z.core.$ZodType, path);
    case 'array':
      return longTexts(def.element as z.core.$ZodType, `${path}[]`);
    case 'union':
      return [...new Set((def.options as z.core.$ZodType[]).flatMap((o) => longTexts(o, path)))];
    case 'object':
      return Object.entries(def.shape as Record<string, z.core.$ZodType>).flatMap(([key, value]) => longTexts(value, path ? `${path}.${key}` : key));
    default:
      return [];
  }
}

const events = complaintEventSchema.options.map((o) => ({ type: o.shape.type.value, texts: longTexts(o.shape.data) }));

describe('the free texts of complaint events', () => {
  it('are found by the walk (a walk that finds nothing would pass everything)', () => {
    expect(events.find((e) => e.type === 'ComplaintReceived')?.texts).toEqual(expect.arrayContaining(['description', 'demand', 'source.note']));
    expect(events.find((e) => e.type === 'FollowUpRecorded')?.texts).toEqual(expect.arrayContaining(['survey.ratings[].comment']));
  });

  it('are each personal by default or plaintext on purpose, never both', () => {
    const unplaced: string[] = [];
    for (const { type, texts } of events) {
      const personal = (DEFAULT_PERSONAL_DATA as Record<string, readonly string[] | undefined>)[type] ?? [];
      const plaintext = PLAINTEXT[type] ?? [];
      for (const text of texts) {
        if (personal.includes(text) && plaintext.includes(text)) unplaced.push(`${type}.${text} (both)`);
        else if (!personal.includes(text) && !plaintext.includes(text)) unplaced.push(`${type}.${text}`);
      }
    }
    expect(unplaced).toEqual([]);
  });

  it('name only texts that exist in the plaintext list', () => {
    for (const [type, paths] of Object.entries(PLAINTEXT)) expect(events.find((e) => e.type === type)?.texts ?? [], type).toEqual(expect.arrayContaining([...paths]));
  });
});
