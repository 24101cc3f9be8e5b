/**
 * The repeat detector: reads the log in order, keeps the history, and acts through
 * the engine. Every command it sends has an id derived from the complaint (and the
 * basis), so reading the same log again, after a restart or in a second process,
 * finds the first results and writes nothing new.
 *
 * - A repeat found (see detect.ts; any complaint event may reveal one, of any complaint)
 *   is flagged on the ticket (`FlagRepeatComplaint`); when the complaint is closed, which
 *   the detector knows from the log or learns from the engine's refusal, it is recorded
 *   in csi's own stream instead (`RepeatRecorded`, see schema.ts).
 * - `RepeatComplaintFlagged` (by the detector or by a handler): the policy's action,
 *   escalation or classification as major.
 * - `ComplaintConfirmed` of a flagged complaint: classification as major, when the
 *   policy asks for it and the flag came while the complaint could not yet be classified.
 */
import {
  nanoidGenerator,
  type Actor,
  type Clock,
  type ConcurrencyConflictError,
  type Engine,
  type EventStore,
  type ExecuteResult,
  type IdGenerator,
  type RecordedEvent,
  type Result,
} from '@redress/core';
import { CSI_SYSTEM_ACTOR } from '../hidden/open.js';
import { isComplaintEvent } from '../support/log.js';
import { stableId } from '../support/stable-id.js';
import type { CsiLogEvent } from '../surveys/schema.js';
import { revealRepeats } from './detect.js';
import { emptyHistory, type ComplaintHistory, type RepeatDetection } from './history.js';
import { DEFAULT_REPEAT_POLICY, type RepeatPolicy } from './policy.js';
import { recordRepeat, type RepeatRecord } from './record.js';

/** What `createRepeatDetector` needs: the engine it acts through, the shared log, the effects, and the policy. */
export interface RepeatDetectorOptions {
  /**
   * The engine the flag, escalation and classification commands go through, so the workflow's
   * permissions and rules apply to the detector like to anyone.
   */
  readonly engine: Pick<Engine, 'execute'>;
  /** The log shared with the engine (see `complaintStore`): repeats of closed complaints are recorded in it. */
  readonly store: Pick<EventStore<CsiLogEvent>, 'append' | 'readStream' | 'readAll'>;
  /** Gives `occurredAt` of the `RepeatRecorded` events it appends. */
  readonly clock: Clock;
  /** Event ids of the records; nanoid by default. */
  readonly ids?: IdGenerator;
  /** What counts as a repeat and what is done with one; `DEFAULT_REPEAT_POLICY` when left out. */
  readonly policy?: RepeatPolicy;
  /**
   * Who acts; `system` by default. The default permission matrix lets `system` flag and
   * escalate; `classifyMajor` classifies as `system` (allowed by the default matrix).
   */
  readonly actor?: Actor;
}

/** What the detector did for one event: a command through the engine, or a repeat of a closed complaint recorded. */
export type RepeatOutcome =
  | {
      readonly complaintId: string;
      readonly command: 'FlagRepeatComplaint' | 'EscalateComplaint' | 'ClassifyComplaint';
      readonly detection?: RepeatDetection;
      readonly result: ExecuteResult;
    }
  | {
      readonly complaintId: string;
      readonly command: 'RecordRepeat';
      readonly detection: RepeatDetection;
      readonly result: Result<RepeatRecord, ConcurrencyConflictError>;
    };

/**
 * A repeat detector: feed it the log in order (`handle` from a subscription, or `catchUp`), and it
 * flags, escalates, classifies or records each repeat, reporting what it did. Keep one detector per
 * process; several reading the same log write each thing once.
 */
export interface RepeatDetector {
  /**
   * The history it has built from the events handled so far (live, mutated as it reads): each complaint's keys, step and repeats found.
   */
  readonly history: ComplaintHistory;
  /** The global position of the last event handled. */
  readonly checkpoint: number;
  /** Handles one event of the log; events at or before the checkpoint are skipped. */
  handle(event: RecordedEvent<CsiLogEvent>): Promise<RepeatOutcome[]>;
  /** Handles everything the store holds after the checkpoint (the options' store by default), including what the detector itself appends meanwhile. */
  catchUp(store?: Pick<EventStore<CsiLogEvent>, 'readAll'>): Promise<RepeatOutcome[]>;
}

/** Steps in which a complaint can be classified (as major) by a command. */
const CLASSIFIABLE = new Set(['confirmed', 'classified', 'investigating', 'resolutionProposed']);

const BASIS_WORDS = { customer: 'the same customer', product: 'the same vehicle or product', cause: 'the same cause' } as const;

function reason(flag: { count: number; windowDays: number; basis: RepeatDetection['basis'] }): string {
  return `Repeat complaint (重复投诉): complaint number ${flag.count} from ${BASIS_WORDS[flag.basis]} within ${flag.windowDays} days`;
}

/** The step a refusal says the complaint has closed in; `null` for any other refusal. */
function closedIn(result: ExecuteResult): 'archived' | 'withdrawn' | null {
  if (result.ok || result.error.kind !== 'IllegalCommand') return null;
  const step = result.error.step;
  return step === 'archived' || step === 'withdrawn' ? step : null;
}

/**
 * A repeat detector over the shared log, starting at position 0 with an empty history. Every
 * command and record it writes has an id derived from the complaint and basis, so a restart that
 * reads the log again, or a second detector racing it, writes nothing new: the engine returns the
 * first result. Refusals are reported in the outcomes, not thrown (a failing store still throws).
 *
 * @example
 * ```ts
 * const detector = createRepeatDetector({ engine, store, clock });
 * // After each batch of commands, or on a timer: handle what was appended since the last call.
 * for (const outcome of await detector.catchUp()) {
 *   if (!outcome.result.ok) console.warn(outcome.complaintId, outcome.command, outcome.result.error.kind);
 * }
 * ```
 */
export function createRepeatDetector(options: RepeatDetectorOptions): RepeatDetector {
  const policy = options.policy ?? DEFAULT_REPEAT_POLICY;
  const actor = options.actor ?? CSI_SYSTEM_ACTOR;
  const { engine } = options;
  const recorder = { store: options.store, clock: options.clock, ids: options.ids ?? nanoidGenerator, actor };
  const history = emptyHistory(policy);
  let checkpoint = 0;

  async function classify(complaintId: string, why: string): Promise<RepeatOutcome> {
    const result = await engine.execute({
      type: 'ClassifyComplaint',
      complaintId,
      commandId: stableId('repeat-major', complaintId),
      actor,
      data: { severity: 'major', reason: why },
    });
    return { complaintId, command: 'ClassifyComplaint', result };
  }

  /** Flags the repeat on the ticket, or records it when the complaint has closed (as the log says, or the engine). */
  async function found(detection: RepeatDetection, correlationId: string): Promise<RepeatOutcome> {
    const { complaintId, basis, count, windowDays, related } = detection;
    const step = history.complaints.get(complaintId)?.step ?? 'none';
    let closedStep = step === 'archived' || step === 'withdrawn' ? step : null;
    if (closedStep === null) {
      const result = await engine.execute({
        type: 'FlagRepeatComplaint',
        complaintId,
        // The repeat's stream id as long as it fits; a longer one is bounded the way command ids must be.
        commandId: stableId('repeat', basis, complaintId),
        correlationId,
        actor,
        data: { count, windowDays, basis, related: [...related] },
      });
      closedStep = closedIn(result);
      if (closedStep === null) return { complaintId, command: 'FlagRepeatComplaint', detection, result };
    }
    const result = await recordRepeat(recorder, { detection, closedStep, correlationId });
    return { complaintId, command: 'RecordRepeat', detection, result };
  }

  async function handle(event: RecordedEvent<CsiLogEvent>): Promise<RepeatOutcome[]> {
    if (event.globalPosition <= checkpoint) return [];
    checkpoint = event.globalPosition;
    if (!isComplaintEvent(event)) return [];
    const outcomes: RepeatOutcome[] = [];
    for (const detection of revealRepeats(history, event)) outcomes.push(await found(detection, event.correlationId));

    const entry = history.complaints.get(event.streamId);
    if (!entry) return outcomes;
    if (event.type === 'RepeatComplaintFlagged') {
      if (policy.action === 'escalate') {
        const result = await engine.execute({
          type: 'EscalateComplaint',
          complaintId: entry.complaintId,
          commandId: stableId('repeat-escalate', entry.complaintId),
          correlationId: event.correlationId,
          actor,
          data: { level: policy.escalateTo, reason: reason(event.data) },
        });
        outcomes.push({ complaintId: entry.complaintId, command: 'EscalateComplaint', result });
      }
      if (policy.action === 'classifyMajor' && entry.severity !== 'major' && CLASSIFIABLE.has(entry.step)) {
        outcomes.push(await classify(entry.complaintId, reason(event.data)));
      }
    }
    // Flagged while still `received`: classify once the complaint is confirmed.
    if (event.type === 'ComplaintConfirmed' && entry.flagged && policy.action === 'classifyMajor' && entry.severity !== 'major') {
      outcomes.push(await classify(entry.complaintId, 'Repeat complaint (重复投诉) flagged before it was confirmed'));
    }
    return outcomes;
  }

  return {
    history,
    get checkpoint() {
      return checkpoint;
    },
    handle,
    async catchUp(store = options.store) {
      const outcomes: RepeatOutcome[] = [];
      for (;;) {
        const batch = await store.readAll(checkpoint + 1, 500);
        if (batch.length === 0) return outcomes;
        for (const e of batch) outcomes.push(...(await handle(e)));
      }
    },
  };
}
