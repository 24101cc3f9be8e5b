// A TypeScript host in ESM mode: every entry point typechecks, and its types carry through.
import { createEngine, createInMemoryEventStore, isRedressError, systemClock, type EngineError, type TicketView } from '@redress/core';
import { roundScore } from '@redress/csi';
import { defaultSlaConfig, parseSlaConfig, type SlaConfig } from '@redress/sla';
import { slaBreachInvariant } from '@redress/sla/testing';
import { createSqliteEventStore, type SqliteEventStore } from '@redress/sqlite';
import { sqlSlaProjection } from '@redress/sqlite/sla';
import { createPostgresEventStore, type PostgresEventStore } from '@redress/postgres';
import { sqlSlaProjection as pgSlaProjection } from '@redress/postgres/sla';
import { startTestCluster, type TestCluster } from '@redress/postgres/testing';
import { customer } from '@redress/testing';
import { eventStoreConformance } from '@redress/testing/store-conformance';
import { createProgram } from '@redress/cli';
import { createRedressTelemetry, type RedressTelemetry } from '@redress/opentelemetry';
import { createSlaTicker } from '@redress/sla';

const store: SqliteEventStore = createSqliteEventStore({ file: ':memory:' });
const engine = createEngine({ store, clock: systemClock });
export async function run(): Promise<string> {
  const result = await engine.execute({ type: 'AddNote', complaintId: 'c-1', actor: { id: 'li', role: 'handler' }, data: { text: 'x' } });
  if (!result.ok) {
    const error: EngineError = result.error;
    // @ts-expect-error: the kinds are a closed union
    if (error.kind === 'Nonsense') return 'unreachable';
    return isRedressError(error, 'NotFound') ? error.complaintId : error.message;
  }
  return String(result.value.version);
}
const config: SlaConfig = parseSlaConfig(defaultSlaConfig());
// The telemetry's hooks fit the core's and the SLA ticker's options, and the wrapped store keeps its own type.
const telemetry: RedressTelemetry = createRedressTelemetry();
const traced: SqliteEventStore = telemetry.instrumentStore(store);
const tracedEngine = createEngine({ store: traced, clock: systemClock, instrumentation: telemetry.engine });
const ticker = createSlaTicker({ store: traced, config, instrumentation: telemetry.sla });
export const used = [
  createInMemoryEventStore,
  roundScore(1.25) satisfies number,
  slaBreachInvariant(config).name satisfies string,
  sqlSlaProjection({ config }).name,
  pgSlaProjection({ config }).name,
  createPostgresEventStore satisfies (options: { connectionString: string }) => Promise<PostgresEventStore>,
  startTestCluster satisfies () => Promise<TestCluster>,
  customer(),
  eventStoreConformance,
  createProgram().name(),
  tracedEngine.execute,
  ticker.tick,
];
export type Ticket = TicketView['step'];
