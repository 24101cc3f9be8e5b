import { createEngine, createInMemoryEventStore, systemClock } from '@redress/core';
import { createRedressTelemetry } from '@redress/opentelemetry';
import { createSlaTicker, defaultSlaConfig } from '@redress/sla';

const telemetry = createRedressTelemetry(); // on the global tracer and meter providers (NodeSDK's)
const store = telemetry.instrumentStore(createInMemoryEventStore()); // or any store: SQLite, PostgreSQL, yours
export const engine = createEngine({ store, clock: systemClock, instrumentation: telemetry.engine });
export const ticker = createSlaTicker({ store, config: defaultSlaConfig(), instrumentation: telemetry.sla });
