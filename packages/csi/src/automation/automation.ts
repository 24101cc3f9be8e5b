/**
 * The automation a host runs beside the engine: read the log in order, open the
 * hidden complaints surveys reveal (outside any complaint, and at the follow-up of
 * one), flag (and escalate or classify) repeat complaints. Feed it from a subscription (`for await (const e of store.subscribe())`)
 * or call `catchUp(store)` after a batch of work. Everything it does goes through the
 * engine with deterministic command ids, so it may read the same events again.
 */
import type { Clock, Engine, EventStore, ExecuteResult, IdGenerator, RecordedEvent } from '@redress/core';
import type { CsiConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
import { openFollowUpHiddenComplaint, openHiddenComplaint, type HiddenComplaintFacts } from '../hidden/open.js';
import { DEFAULT_HIDDEN_COMPLAINT_RULE, type HiddenComplaintRule } from '../hidden/rule.js';
import { createRepeatDetector, type RepeatDetector, type RepeatOutcome } from '../repeats/detector.js';
import type { RepeatPolicy } from '../repeats/policy.js';
import { isComplaintEvent, isSurveyTaken } from '../support/log.js';
import type { CsiLogEvent } from '../surveys/schema.js';

/**
 * What `createCsiAutomation` needs: the engine it acts through, the shared log, the effects, and
 * which detections to run (both on by default, with the default rule and policy).
 */
export interface CsiAutomationOptions {
  /**
   * The engine hidden complaints are received through and repeats flagged, escalated or classified
   * through, so permissions and workflow rules apply as to any other actor.
   */
  readonly engine: Pick<Engine, 'execute'>;
  /** The log shared with the engine (see `complaintStore`): read by `catchUp`, and where repeats of closed complaints are recorded. */
  readonly store: Pick<EventStore<CsiLogEvent>, 'append' | 'readStream' | 'readAll'>;
  /** Gives `occurredAt` of csi's own records (repeats of closed complaints); the engine stamps its events with its own clock. */
  readonly clock: Clock;
  /** Event ids of csi's own records; nanoid by default. */
  readonly ids?: IdGenerator;
  /** Where hidden complaints' descriptions take dimension and reason labels from; `DEFAULT_CSI_CONFIG` when left out. */
  readonly config?: CsiConfig;
  /** `null` turns hidden-complaint detection off. */
  readonly hiddenComplaints?: HiddenComplaintRule | null;
  /**
   * Which follow-ups of complaints the hidden-complaint rule reads (`always` by default). When the
   * customer is not satisfied the complaint itself reopens; `whenSatisfied` leaves those follow-ups
   * to it, `never` reads surveys outside complaints only.
   */
  readonly followUps?: FollowUpScope;
  /** `null` turns repeat detection off. */
  readonly repeats?: RepeatPolicy | null;
}

/** Which complaint follow-ups the hidden-complaint rule reads (see `CsiAutomationOptions.followUps`). */
export const FOLLOW_UP_SCOPES = ['always', 'whenSatisfied', 'never'] as const;
/**
 * One of `FOLLOW_UP_SCOPES`: `always`, `whenSatisfied` (an unsatisfied follow-up already reopens its
 * complaint, so it opens no second one) or `never` (surveys outside complaints only).
 */
export type FollowUpScope = (typeof FOLLOW_UP_SCOPES)[number];

/** A hidden complaint opened (or found already opened): by a survey, or by the follow-up of a complaint. */
export interface HiddenOutcome {
  /** The survey outside any complaint that revealed it; `null` for a follow-up. */
  readonly surveyId: string | null;
  /** The complaint whose follow-up revealed it; `null` for a survey. */
  readonly followUpOf: string | null;
  /**
   * The engine's answer to the `ReceiveComplaint`: the new complaint (or the first result again, on a
   * re-read), or why it was refused (e.g. `Forbidden` if the matrix no longer lets `system` receive).
   */
  readonly result: ExecuteResult;
}

/** What the automation did for the events handled: in order of the log, hidden complaints first for each event. */
export interface CsiOutcomes {
  /** A hidden complaint per survey or follow-up that matched the rule (none when detection is off). */
  readonly hidden: readonly HiddenOutcome[];
  /** Each command the repeat detector sent or record it appended (none when detection is off). */
  readonly repeats: readonly RepeatOutcome[];
}

/**
 * csi's automation over the shared log: hidden complaints and repeat complaints from one reader.
 * Feed it every event once, in order (`handle` from a subscription, or `catchUp`).
 */
export interface CsiAutomation {
  /**
   * The global position of the last event handled; `handle` skips events at or before it, so feeding an event twice is harmless.
   */
  readonly checkpoint: number;
  /** The repeat detector it drives, for its `history`; `null` when `repeats: null` turned detection off. */
  readonly repeatDetector: RepeatDetector | null;
  /**
   * Handles one event of the log: a `SurveyTaken` or a `FollowUpRecorded` with a survey may open a
   * hidden complaint; any complaint event may reveal a repeat.
   */
  handle(event: RecordedEvent<CsiLogEvent>): Promise<CsiOutcomes>;
  /** Handles everything the store (the options' by default) holds after the checkpoint, including what the automation appends meanwhile. */
  catchUp(store?: Pick<EventStore<CsiLogEvent>, 'readAll'>): Promise<CsiOutcomes>;
}

/**
 * The automation a host runs beside the engine: one reader of the log, starting at position 0,
 * that opens hidden complaints (`openHiddenComplaint`, `openFollowUpHiddenComplaint`) and runs
 * the repeat detector. Every command has a deterministic id, so a restart that reads the log from
 * the start, or a second process, writes nothing twice. Refusals are reported, not thrown.
 *
 * @throws RangeError when `followUps` is not one of `FOLLOW_UP_SCOPES`.
 * @example
 * ```ts
 * const engine = createEngine({ store: complaintStore(store), clock });
 * const automation = createCsiAutomation({ engine, store, clock, followUps: 'whenSatisfied' });
 * // After a batch of commands (or for each event of store.subscribe()):
 * const { hidden, repeats } = await automation.catchUp();
 * for (const h of hidden) if (h.result.ok) console.log('hidden complaint', h.result.value.complaintId, 'from', h.surveyId ?? h.followUpOf);
 * ```
 */
export function createCsiAutomation(options: CsiAutomationOptions): CsiAutomation {
  const config = options.config ?? DEFAULT_CSI_CONFIG;
  const rule = options.hiddenComplaints === undefined ? DEFAULT_HIDDEN_COMPLAINT_RULE : options.hiddenComplaints;
  const { engine, store, clock } = options;
  const detector =
    options.repeats === null
      ? null
      : createRepeatDetector({ engine, store, clock, ...(options.ids ? { ids: options.ids } : {}), ...(options.repeats ? { policy: options.repeats } : {}) });
  const followUps = options.followUps ?? 'always';
  if (!FOLLOW_UP_SCOPES.includes(followUps)) throw new RangeError(`followUps must be one of ${FOLLOW_UP_SCOPES.join(', ')}, got ${String(followUps)}`);
  /** What each complaint was received with, for the hidden complaints its follow-ups reveal. */
  const received = new Map<string, HiddenComplaintFacts>();
  let checkpoint = 0;

  async function hiddenFrom(event: RecordedEvent<CsiLogEvent>, found: HiddenComplaintRule): Promise<HiddenOutcome | null> {
    if (isSurveyTaken(event)) {
      const result = await openHiddenComplaint(engine, event, { rule: found, config });
      return result && { surveyId: event.data.surveyId, followUpOf: null, result };
    }
    if (!isComplaintEvent(event) || followUps === 'never') return null;
    if (event.type === 'ComplaintReceived') {
      const { customer, product, branch, region, businessLine } = event.data;
      received.set(event.streamId, { customer, product, branch, region, businessLine });
      return null;
    }
    if (event.type !== 'FollowUpRecorded' || (followUps === 'whenSatisfied' && !event.data.satisfied)) return null;
    const complaint = received.get(event.streamId);
    // A follow-up is always after its receipt in the log, which this reads from the start.
    if (!complaint) return null;
    const result = await openFollowUpHiddenComplaint(engine, event, complaint, { rule: found, config });
    return result && { surveyId: null, followUpOf: event.streamId, result };
  }

  async function handle(event: RecordedEvent<CsiLogEvent>): Promise<CsiOutcomes> {
    if (event.globalPosition <= checkpoint) return { hidden: [], repeats: [] };
    checkpoint = event.globalPosition;
    const found = rule === null ? null : await hiddenFrom(event, rule);
    const hidden = found ? [found] : [];
    const repeats = detector ? await detector.handle(event) : [];
    return { hidden, repeats };
  }

  return {
    get checkpoint() {
      return checkpoint;
    },
    repeatDetector: detector,
    handle,
    async catchUp(log = store) {
      const hidden: HiddenOutcome[] = [];
      const repeats: RepeatOutcome[] = [];
      for (;;) {
        const batch = await log.readAll(checkpoint + 1, 500);
        if (batch.length === 0) return { hidden, repeats };
        for (const e of batch) {
          const o = await handle(e);
          hidden.push(...o.hidden);
          repeats.push(...o.repeats);
        }
      }
    },
  };
}
