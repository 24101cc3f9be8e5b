/**
 * @redress/postgres: the PostgreSQL event store, its migrations, and checkpointed
 * projections into SQL read models.
 */
export { createPostgresEventStore, type PostgresEventStore, type PostgresEventStoreOptions } from './store/postgres-event-store.js';
export { AppendTooLargeError, EVENTS_PER_APPEND } from './store/positions.js';
export { StoreNameError } from './store/sql.js';
export { assertMigrated, migrate, PositionsBehindError, SchemaVersionError, SCHEMA_VERSION, type MigrationReport } from './schema/migrate.js';
export { MIGRATIONS, type Migration } from './schema/migrations.js';
export { createProjector, type Projector, type ProjectorOptions, type ProjectorStatus } from './projections/projector.js';
export { rebuildSqlProjection, type RebuildReport } from './projections/rebuild.js';
export { ticketTablesProjection, type TicketTablesOptions } from './projections/ticket-tables.js';
/** The event that records an erasure (core's; re-exported beside the option that takes it). */
export type { ErasureEvents } from '@redress/core';
export type { ProjectionScope, SqlProjection } from './projections/sql-projection.js';
