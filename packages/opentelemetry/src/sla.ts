/**
 * The SLA ticker's hook on OpenTelemetry: a `redress.sla.tick` span per tick (its appends
 * are children), and the breaches it stored on the `redress.sla.breaches` counter. A
 * breach is counted by the tick that stored it: racing tickers store each one once, so
 * the counter summed over instances is the number of breaches.
 *
 * Typed by shape, not by import, so this package needs no `@redress/sla` installed: the
 * object fits `createSlaTicker({ instrumentation })`.
 */
import { ATTRIBUTES, SPAN_NAMES } from './names.js';
import type { Instruments } from './instruments.js';
import { inSpan } from './span.js';

/** What the SLA hook reads of a tick's result (`TickResult` from `@redress/sla`). */
export interface TickOutcome {
  /** The SLA events the tick stored. */
  readonly appended: readonly { readonly type: string; readonly data: unknown }[];
  /** Events another ticker had stored already. */
  readonly alreadyStored: number;
  /** When the next threshold falls due, or null. */
  readonly nextDueAt: string | null;
}

/** The hooks `createSlaTicker({ instrumentation })` takes (`SlaTickerInstrumentation` in `@redress/sla`). */
export interface SlaTickHooks {
  /** Around one `tick(now)`, `now` in epoch ms. */
  tick<R extends TickOutcome>(now: number, run: () => Promise<R>): Promise<R>;
}

export function slaInstrumentation(instruments: Instruments): SlaTickHooks {
  const { tracer, slaBreaches } = instruments;
  return {
    tick(now, run) {
      return inSpan(tracer, SPAN_NAMES.slaTick, { [ATTRIBUTES.slaNow]: new Date(now).toISOString() }, async (span) => {
        const result = await run();
        let breaches = 0;
        for (const event of result.appended) {
          if (event.type !== 'SlaBreached') continue;
          breaches++;
          slaBreaches.add(1, { [ATTRIBUTES.slaClock]: (event.data as { clock: string }).clock });
        }
        span.setAttributes({ [ATTRIBUTES.slaAppended]: result.appended.length, [ATTRIBUTES.slaBreaches]: breaches, [ATTRIBUTES.slaAlreadyStored]: result.alreadyStored });
        if (result.nextDueAt !== null) span.setAttribute(ATTRIBUTES.slaNextDueAt, result.nextDueAt);
        return result;
      });
    },
  };
}
