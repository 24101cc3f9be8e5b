/**
 * Small building blocks of the payload generators: texts in the context's locale,
 * instants after now, optional fields.
 */
import type { ComplaintState } from '@redress/core';
import fc from 'fast-check';
import { localeArbitrary } from './people.js';
import { TEXTS, type TextLocale } from './phrases.js';

/** What a payload may depend on: the complaint, the instant it is decided at, and its decision state. */
export interface CommandContext {
  /** The complaint the command is about (its stream id). */
  readonly complaintId: string;
  /** ISO-8601 instant the command will be decided at. */
  readonly now: string;
  /**
   * The complaint's decision state before the command (core's `initialState` for a new one): generators read it to
   * make payloads its guards accept (a different handler, a real severity change, the acknowledgement left to
   * complete).
   */
  readonly state: ComplaintState;
  /** Language of the generated texts; both by default. */
  readonly locale?: TextLocale | 'any';
}

export type TextKind = keyof (typeof TEXTS)['en'];

/** One of `options` in the context's locale. */
export const localized = (options: Record<TextLocale, readonly string[]>, context: CommandContext): fc.Arbitrary<string> =>
  fc.tuple(localeArbitrary(context.locale), fc.nat()).map(([locale, i]) => options[locale][i % options[locale].length] as string);

/** A text of one kind in the context's locale. */
export const text = (kind: TextKind, context: CommandContext): fc.Arbitrary<string> =>
  localized({ en: TEXTS.en[kind], 'zh-CN': TEXTS['zh-CN'][kind] }, context);

const MINUTE = 60_000;
/** An instant after `now`: from one hour to `maxDays` later (shrinks to one hour). */
export const futureInstant = (now: string, maxDays = 14): fc.Arbitrary<string> =>
  fc.integer({ min: 60, max: maxDays * 24 * 60 }).map((minutes) => new Date(Date.parse(now) + minutes * MINUTE).toISOString());

export const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
/** Drops `undefined` fields: strict schemas accept them, but the events read better without. */
export const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
