import type { Database } from 'better-sqlite3';

/**
 * A schema migration: one numbered step, applied once, in its own transaction,
 * and recorded in `redress_migrations`. Migrations only ever move forward: a
 * released migration is never edited, a change is a new one.
 */
export interface Migration {
  /** 1, 2, 3, … with no gaps: the schema version after this step. */
  readonly version: number;
  /** What it does, stored beside the version for people reading the table. */
  readonly name: string;
  /** The DDL, run as one script. */
  readonly sql: string;
  /** Data changes SQL cannot make the way the store does, run after `sql` in the same transaction. */
  run?(db: Database): void;
}
