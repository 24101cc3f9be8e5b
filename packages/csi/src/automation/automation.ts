/**
 * The automation a host runs beside the engine: read the log in order, open the
 * hidden complaints surveys reveal, flag (and escalate or classify) repeat
 * complaints. Feed it from a subscription (`for await (const e of store.subscribe())`)
 * or call `catchUp(store)` after a batch of work. Everything it does goes through the
 * engine with deterministic command ids, so it may read the same events again.
 */
import type { Engine, EventStore, ExecuteResult, RecordedEvent } from '@redress/core';
import type { CsiConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
import { openHiddenComplaint } from '../hidden/open.js';
import { DEFAULT_HIDDEN_COMPLAINT_RULE, type HiddenComplaintRule } from '../hidden/rule.js';
import { createRepeatDetector, type RepeatDetector, type RepeatOutcome } from '../repeats/detector.js';
import type { RepeatPolicy } from '../repeats/policy.js';
import { isSurveyTaken } from '../support/log.js';
import type { CsiLogEvent } from '../surveys/schema.js';

export interface CsiAutomationOptions {
  readonly engine: Pick<Engine, 'execute'>;
  readonly config?: CsiConfig;
  /** `null` turns hidden-complaint detection off. */
  readonly hiddenComplaints?: HiddenComplaintRule | null;
  /** `null` turns repeat detection off. */
  readonly repeats?: RepeatPolicy | null;
}

export interface CsiOutcomes {
  /** Complaints opened (or found already opened) for surveys, by survey id. */
  readonly hidden: readonly { readonly surveyId: string; readonly result: ExecuteResult }[];
  readonly repeats: readonly RepeatOutcome[];
}

export interface CsiAutomation {
  readonly checkpoint: number;
  readonly repeatDetector: RepeatDetector | null;
  handle(event: RecordedEvent<CsiLogEvent>): Promise<CsiOutcomes>;
  catchUp(store: Pick<EventStore<CsiLogEvent>, 'readAll'>): Promise<CsiOutcomes>;
}

export function createCsiAutomation(options: CsiAutomationOptions): CsiAutomation {
  const config = options.config ?? DEFAULT_CSI_CONFIG;
  const rule = options.hiddenComplaints === undefined ? DEFAULT_HIDDEN_COMPLAINT_RULE : options.hiddenComplaints;
  const detector =
    options.repeats === null ? null : createRepeatDetector({ engine: options.engine, ...(options.repeats ? { policy: options.repeats } : {}) });
  let checkpoint = 0;

  async function handle(event: RecordedEvent<CsiLogEvent>): Promise<CsiOutcomes> {
    if (event.globalPosition <= checkpoint) return { hidden: [], repeats: [] };
    checkpoint = event.globalPosition;
    const hidden: { surveyId: string; result: ExecuteResult }[] = [];
    if (rule !== null && isSurveyTaken(event)) {
      const result = await openHiddenComplaint(options.engine, event, { rule, config });
      if (result) hidden.push({ surveyId: event.data.surveyId, result });
    }
    const repeats = detector ? await detector.handle(event) : [];
    return { hidden, repeats };
  }

  return {
    get checkpoint() {
      return checkpoint;
    },
    repeatDetector: detector,
    handle,
    async catchUp(store) {
      const hidden: { surveyId: string; result: ExecuteResult }[] = [];
      const repeats: RepeatOutcome[] = [];
      for (;;) {
        const batch = await store.readAll(checkpoint + 1, 500);
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
