/**
 * `createRedressTelemetry`: everything this package offers, made on one tracer and one
 * meter, to hand to the pieces of a Redress host:
 *
 *   const telemetry = createRedressTelemetry();
 *   const store = telemetry.instrumentStore(createSqliteEventStore({ file }));
 *   const engine = createEngine({ store, clock, instrumentation: telemetry.engine });
 *   const ticker = createSlaTicker({ store, config, instrumentation: telemetry.sla });
 */
import type { EngineInstrumentation } from '@redress/core';
import { engineInstrumentation } from './engine.js';
import { createInstruments, type RedressTelemetryOptions } from './instruments.js';
import { ATTRIBUTES } from './names.js';
import { slaInstrumentation, type SlaTickHooks } from './sla.js';
import { storeInstrumenter, type AppendingStore } from './store.js';

/** The hooks and wrappers of one telemetry setup. */
export interface RedressTelemetry {
  /** For `createEngine({ instrumentation })`: execute and projection batch spans, the commands metrics, the inline projections' lag. */
  readonly engine: Required<EngineInstrumentation>;
  /** For `createSlaTicker({ instrumentation })`: tick spans and the breaches counter. */
  readonly sla: SlaTickHooks;
  /**
   * The store with an append span and the append duration around every append; every
   * other member is the store's own. Hand the same wrapped store to the engine and the ticker.
   */
  instrumentStore<S extends AppendingStore>(store: S): S;
  /**
   * Records a lag on the `redress.projection.lag` gauge, for a projection the engine does not run inline (a
   * checkpointed projector): e.g. the store's head position minus the projector's checkpoint after each step.
   */
  recordProjectionLag(projection: string, behind: number): void;
}

/** Creates the instrumentation on the given (or the global) tracer and meter providers. */
export function createRedressTelemetry(options: RedressTelemetryOptions = {}): RedressTelemetry {
  const instruments = createInstruments(options);
  return {
    engine: engineInstrumentation(instruments),
    sla: slaInstrumentation(instruments),
    instrumentStore: storeInstrumenter(instruments),
    recordProjectionLag(projection, behind) {
      if (!Number.isFinite(behind) || behind < 0) throw new RangeError(`a projection lag is a count of positions, at least 0: got ${behind} for "${projection}"`);
      instruments.projectionLag.record(behind, { [ATTRIBUTES.projection]: projection });
    },
  };
}
