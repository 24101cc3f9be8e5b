/**
 * Promises to the customer (服务承诺): a visit, a call-back, a remedy, a part's arrival,
 * each with a due time, kept or broken. "Broke a service promise" (未兑现服务承诺) is
 * what customers complain about ("you told me someone would come on day X"), so every
 * promise is an event, and a promise is broken only once the customer has been told
 * why (在向客户解释的前提下): `BreakPromise` is refused until `ExplainPromiseBreak`.
 */
import { z } from 'zod';
import { define as command } from '../commands/define.js';
import { idSchema, instantSchema, longTextSchema } from '../domain/primitives.js';
import { channelSchema } from '../domain/vocabulary.js';
import { define as event } from '../events/define.js';

/** Every kind of promise a complaint can record, in display order: for a host's pick-list, and for SLA clocks kept per kind (`where` on `kind`). */
export const PROMISE_KINDS = ['visit', 'callBack', 'remedy', 'partArrival', 'other'] as const;
/** What was promised to the customer: a visit, a call-back, a remedy, a part's arrival, or something else (`description` says what). */
export type PromiseKind = (typeof PROMISE_KINDS)[number];
/** Validates a promise kind: the zod schema `MakePromise` and `PromiseMade` use, for a host validating its own forms the same way. */
export const promiseKindSchema = z.enum(PROMISE_KINDS);

/** Make a promise to the customer, due at a future instant. Its id defaults to `promise-<n>` (the n-th of the complaint). */
export const makePromise = command(
  'MakePromise',
  z.strictObject({ promiseId: idSchema.optional(), kind: promiseKindSchema, due: instantSchema, description: longTextSchema }),
);
/** The promise was kept (on time or late: the event says which). */
export const keepPromise = command('KeepPromise', z.strictObject({ promiseId: idSchema, note: longTextSchema.optional() }));
/** The customer was told why the promise cannot be kept: the condition for breaking it. */
export const explainPromiseBreak = command(
  'ExplainPromiseBreak',
  z.strictObject({ promiseId: idSchema, channel: channelSchema, explanation: longTextSchema }),
);
/** The promise will not be kept; allowed once the customer was told why. */
export const breakPromise = command('BreakPromise', z.strictObject({ promiseId: idSchema, reason: longTextSchema }));

export const PROMISE_COMMANDS = [makePromise, keepPromise, explainPromiseBreak, breakPromise] as const;

/** A promise was made to the customer, due at `due`: it stays open until kept or broken, and credits `madeBy` in csi's promise-kept figure. */
export const promiseMade = event(
  'PromiseMade',
  z.strictObject({
    promiseId: idSchema,
    kind: promiseKindSchema,
    due: instantSchema,
    description: longTextSchema,
    /** Who made it (the actor's id): the person the promise-kept rate credits. */
    madeBy: idSchema,
  }),
);
/**
 * The promise was kept; `onTime` says whether before its due instant (copied as `due`), which is what csi's
 * promise-kept figure counts. Kept at the due instant itself is late, as the promise's SLA clock breaches at it.
 */
export const promiseKept = event(
  'PromiseKept',
  z.strictObject({ promiseId: idSchema, due: instantSchema, onTime: z.boolean(), note: longTextSchema.optional() }),
);
/** The customer was told, on `channel`, why the promise cannot be kept: the fact `BreakPromise` waits for. The promise stays open. */
export const promiseBreakExplained = event(
  'PromiseBreakExplained',
  z.strictObject({ promiseId: idSchema, channel: channelSchema, explanation: longTextSchema }),
);
/** The promise will not be kept, recorded only after `PromiseBreakExplained`: it is settled and counts as not kept (a promise's SLA clock can cancel on it). */
export const promiseBroken = event('PromiseBroken', z.strictObject({ promiseId: idSchema, due: instantSchema, reason: longTextSchema }));

export const PROMISE_EVENTS = [promiseMade, promiseKept, promiseBreakExplained, promiseBroken] as const;

/** A promise not yet kept or broken, as the decision state knows it. */
export interface OpenPromise {
  /** The promise's id, unique within the complaint: what `KeepPromise`, `ExplainPromiseBreak` and `BreakPromise` name. */
  readonly id: string;
  /** When it is due (ISO-8601): `PromiseKept.onTime` is decided against it. */
  readonly due: string;
  /** The customer was told why it cannot be kept. */
  readonly explained: boolean;
}
