/**
 * An engine's inline projections, kept true after an erasure. A view folds each event as
 * it was read, so a view that folded a customer's name before the keys were destroyed
 * would show it until rebuilt. A projection cannot unfold an event, so when the views
 * read a `CustomerDataErased` for a customer whose receipt they folded decrypted, they
 * are rebuilt from the log (now reading that customer as erased) and swapped in, then
 * caught up once more for whatever was appended meanwhile: executes during the refold go
 * on, and none of their events is lost to the views. Each erasure triggers one refold
 * (by its position), so a log whose keys are not destroyed yet cannot loop it. The
 * engine's decision states hold no personal data and need no refold.
 */
import type { RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import type { RevealedEvent } from '../privacy/crypto-shredder.js';
import { erasedBy } from '../privacy/customer-data/scan.js';
import { runProjection, type Projection, type ProjectionRunner } from '../projections/projection.js';
import type { EventStore } from '../store/event-store.js';
import type { ProjectionLag } from './instrumentation.js';

export interface InlineViews {
  /** Feeds an append's events (see the engine's `project`); refolds first if they follow an erasure. */
  project(appended: readonly RecordedEvent<ComplaintEvent>[]): Promise<void>;
  catchUp(): Promise<void>;
  runner(projection: object): ProjectionRunner<unknown> | undefined;
  /** How far each view trails `newest` (or the furthest view, when that is further): for the instrumentation. */
  lag(newest: number): ProjectionLag[];
}

interface Generation {
  readonly runners: Map<object, ProjectionRunner<unknown>>;
  /** Customers whose receipt these runners folded decrypted. */
  readonly plain: Set<string>;
}

type Log = Pick<EventStore<ComplaintEvent>, 'readAll'>;

export function createInlineViews(store: Log, projections: readonly Projection<unknown>[]): InlineViews {
  const open = (): Generation => ({ runners: new Map(projections.map((p) => [p, runProjection(p)] as const)), plain: new Set() });
  let current = open();
  /** The position of the last erasure that asked for a refold. */
  let handledUpTo = 0;
  let due = false;
  let refolding: Promise<void> | undefined;

  function note(generation: Generation, events: readonly RecordedEvent<ComplaintEvent>[]): void {
    for (const event of events) {
      if (event.type === 'ComplaintReceived') {
        if ((event as RevealedEvent<ComplaintEvent>).erasure === undefined) generation.plain.add(event.data.customer.reference);
      } else if (event.globalPosition > handledUpTo) {
        const subject = erasedBy(event);
        if (subject !== undefined && generation.plain.has(subject)) {
          handledUpTo = event.globalPosition;
          due = true;
        }
      }
    }
  }

  const logOf = (generation: Generation): Log => ({
    async readAll(fromPosition, limit) {
      const batch = await store.readAll(fromPosition, limit);
      note(generation, batch);
      return batch;
    },
  });

  async function refold(): Promise<void> {
    while (due) {
      due = false;
      const fresh = open();
      try {
        for (const runner of fresh.runners.values()) await runner.catchUp(logOf(fresh));
      } catch (error) {
        due = true; // the next execute or catchUp tries again
        throw error;
      }
      current = fresh;
      // Events fed to the old runners while this one read are in the store.
      for (const runner of fresh.runners.values()) await runner.catchUp(logOf(fresh));
    }
  }

  /** One refold at a time; every caller waits for the one under way. */
  function settled(): Promise<void> {
    if (!due && refolding === undefined) return Promise.resolve();
    refolding ??= refold().finally(() => {
      refolding = undefined;
    });
    return refolding;
  }

  return {
    async project(appended) {
      const last = appended.at(-1);
      if (!last || projections.length === 0) return;
      const generation = current;
      note(generation, appended);
      for (const runner of generation.runners.values()) {
        if (!runner.applyIfNext(appended)) await runner.catchUp(logOf(generation), last.globalPosition);
      }
      await settled();
    },
    async catchUp() {
      const generation = current;
      for (const runner of generation.runners.values()) await runner.catchUp(logOf(generation));
      await settled();
    },
    runner: (projection) => current.runners.get(projection),
    lag(newest) {
      const runners = [...current.runners.values()];
      const head = runners.reduce((furthest, r) => Math.max(furthest, r.checkpoint), newest);
      return runners.map((r) => ({ projection: r.projection.name, checkpoint: r.checkpoint, behind: head - r.checkpoint }));
    },
  };
}
