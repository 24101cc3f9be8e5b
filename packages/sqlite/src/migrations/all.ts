/** Every migration, in order. Add new ones at the end; never edit or reorder released ones. */
import { eventLog } from './0001-event-log.js';
import { projections } from './0002-projections.js';
import type { Migration } from './migration.js';
import { ticketReadModels } from './0003-ticket-read-models.js';
import { slaDeadlines } from './0004-sla-deadlines.js';
import { utcInstants } from './0005-utc-instants.js';
import { dataKeys } from './0006-data-keys.js';

export const MIGRATIONS: readonly Migration[] = [eventLog, projections, ticketReadModels, slaDeadlines, utcInstants, dataKeys];

/** The schema version this build of @redress/sqlite reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
