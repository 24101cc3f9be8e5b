// A TypeScript host in CommonJS mode (node16 resolution picks the .d.cts declarations).
import { createEngine, createInMemoryEventStore, isRedressError, systemClock } from '@redress/core';
import { parseSlaConfig, defaultSlaConfig } from '@redress/sla';
import { createSqliteEventStore } from '@redress/sqlite';
import { sqlSlaProjection } from '@redress/sqlite/sla';
import { ticketTablesProjection } from '@redress/postgres';
import { findPostgresBin } from '@redress/postgres/testing';
import { sqlSlaProjection as pgSlaProjection } from '@redress/postgres/sla';
import { customer } from '@redress/testing';
import { slaBreachInvariant } from '@redress/sla/testing';
import { roundScore } from '@redress/csi';
import { createProgram } from '@redress/cli';
import { createRedressTelemetry } from '@redress/opentelemetry';

const telemetry = createRedressTelemetry();
const engine = createEngine({ store: telemetry.instrumentStore(createInMemoryEventStore()), clock: systemClock, instrumentation: telemetry.engine });
const config = parseSlaConfig(defaultSlaConfig());
export const used = [
  engine.execute,
  isRedressError(new Error('x'), 'ConcurrencyConflict'),
  createSqliteEventStore,
  sqlSlaProjection({ config }).name,
  pgSlaProjection({ config }).name,
  ticketTablesProjection().name satisfies string,
  findPostgresBin satisfies () => string,
  customer(),
  slaBreachInvariant(config).name,
  roundScore(2) satisfies number,
  createProgram().name() satisfies string,
];
