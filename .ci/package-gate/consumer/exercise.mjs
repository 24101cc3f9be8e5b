/**
 * One call per entry point of the packed packages, the same for both module systems:
 * `smoke.mjs` hands in what `import` gave, `smoke.cjs` what `require` gave. Each check
 * does real work through the built code (an engine run, a SQLite append, a parsed SLA
 * config) and returns a line saying what it saw.
 */
import assert from 'node:assert/strict';
import process from 'node:process';
import { NOW, receive } from './fixtures.mjs';

/** @param {Record<string, (m: any, load: (id: string) => Promise<any>) => unknown>} */
export const CHECKS = {
  async '@redress/core'(m) {
    const engine = m.createEngine({ store: m.createInMemoryEventStore(), clock: m.createManualClock(NOW), ids: m.sequentialIds('id') });
    const result = await engine.execute(receive);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(m.isRedressError(new m.NotFoundError('x'), 'NotFound'), true);
    return `execute() appended ${result.value.events.length} events`;
  },
  '@redress/csi'(m) {
    return `roundScore(4.26) = ${m.roundScore(4.26)}; ${m.DEFAULT_CSI_CONFIG.dimensions.length} dimensions`;
  },
  async '@redress/sla'(m) {
    const config = m.parseSlaConfig(m.defaultSlaConfig());
    return `default SLA config: ${config.policies.length} policy, ${config.calendars.size} calendar`;
  },
  async '@redress/sla/testing'(m, load) {
    const sla = await load('@redress/sla');
    return `invariant ${m.slaBreachInvariant(sla.defaultSlaConfig()).name}`;
  },
  async '@redress/sqlite'(m, load) {
    if (process.env.REDRESS_GATE_NATIVE === 'foreign') {
      // The consumer's better-sqlite3 binary was built for the gate's own Node: here it must
      // fail with the error that says what to rebuild, not the driver's bare one.
      assert.throws(() => m.createSqliteEventStore({ file: ':memory:' }), (e) => e.name === 'NativeBindingError' && /npm rebuild better-sqlite3/.test(e.message));
      return `NativeBindingError for a binary built for another Node (ABI ${process.versions.modules} here)`;
    }
    const store = m.createSqliteEventStore({ file: ':memory:' });
    try {
      const engine = (await load('@redress/core')).createEngine({ store, clock: { now: () => new Date(NOW) } });
      const result = await engine.execute(receive);
      assert.equal(result.ok, true, JSON.stringify(result));
      return `SQLite store at schema ${m.SCHEMA_VERSION}, head ${store.head()}`;
    } finally {
      store.close();
    }
  },
  async '@redress/sqlite/sla'(m, load) {
    const sla = await load('@redress/sla');
    return `projection ${m.sqlSlaProjection({ config: sla.defaultSlaConfig() }).name}`;
  },
  '@redress/postgres'(m) {
    return `projection ${m.ticketTablesProjection().name}, schema version ${m.SCHEMA_VERSION}`;
  },
  async '@redress/postgres/sla'(m, load) {
    const sla = await load('@redress/sla');
    return `projection ${m.sqlSlaProjection({ config: sla.defaultSlaConfig() }).name}`;
  },
  '@redress/postgres/testing'(m) {
    // Finds the PostgreSQL binaries, or says how to install them: both are the entry working.
    try {
      return `PostgreSQL binaries in ${m.findPostgresBin()}`;
    } catch (e) {
      assert.ok(e instanceof m.PostgresNotInstalledError, String(e));
      return 'PostgreSQL not installed (PostgresNotInstalledError)';
    }
  },
  async '@redress/testing'(m, load) {
    const fc = await load('fast-check');
    const [someone] = fc.sample(m.customer(), { numRuns: 1, seed: 42 });
    assert.equal(typeof someone.reference, 'string');
    return `customer() generated ${JSON.stringify(someone.reference)}`;
  },
  '@redress/testing/store-conformance'(m) {
    // The suite itself runs under vitest (conformance.test.mjs); outside it, the entry loads.
    assert.equal(typeof m.eventStoreConformance, 'function');
    return 'eventStoreConformance is a function';
  },
  async '@redress/opentelemetry'(m, load) {
    // No SDK registered: the API's no-op tracer and meter. The hooks must still pass every result through.
    const core = await load('@redress/core');
    const telemetry = m.createRedressTelemetry();
    const store = telemetry.instrumentStore(core.createInMemoryEventStore());
    const engine = core.createEngine({ store, clock: core.createManualClock(NOW), ids: core.sequentialIds('id'), instrumentation: telemetry.engine });
    const result = await engine.execute(receive);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal((await store.readAll()).length, result.value.events.length);
    return `instrumented execute() appended ${result.value.events.length} events; spans named ${Object.values(m.SPAN_NAMES).join(', ')}`;
  },
  async '@redress/cli'(m) {
    const help = m.createProgram().helpInformation();
    assert.match(help, /export/);
    return `redress --help lists ${help.split('\n').filter((l) => /^ {2}\w/.test(l)).length} lines of commands/options`;
  },
};

/** Runs the check of every entry in `entries`; fails on an entry with no check, so a new entry cannot go unexercised. */
export async function exerciseAll(entries, load) {
  const lines = [];
  for (const entry of entries) {
    const check = CHECKS[entry];
    if (!check) throw new Error(`no check for the entry point ${entry}: add one to .ci/package-gate/consumer/exercise.mjs`);
    const mod = await load(entry);
    // Build helpers (rolldown's __toESM and the like) must never become part of the public API.
    const helpers = Object.keys(mod).filter((key) => key.startsWith('__'));
    if (helpers.length) throw new Error(`${entry} exports build helpers: ${helpers.join(', ')}`);
    lines.push(`${entry}: ${await check(mod, load)}`);
  }
  return lines;
}
