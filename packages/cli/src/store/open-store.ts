/**
 * Opens the store a command names: `--sqlite <file>` or `--postgres <url>` (or
 * `REDRESS_POSTGRES_URL`), never both. Commands see the `EventStore` contract plus the
 * one thing it lacks for a progress bar, the head of the log; only `migrate` and
 * `rebuild` look at which store it is.
 */
import { existsSync } from 'node:fs';
import type { EventLike } from '@redress/core';
import type { PostgresEventStore } from '@redress/postgres';
import type { SqliteEventStore } from '@redress/sqlite';
import { CliError } from '../errors.js';
import type { CliIo } from '../io/cli-io.js';
import { loadPeer } from './load-peer.js';

/** Which store the command works on: a SQLite file or a PostgreSQL connection string. */
export interface StoreOptions {
  /** The SQLite file. */
  readonly sqlite?: string;
  /** The PostgreSQL connection string (default: the `REDRESS_POSTGRES_URL` environment variable). */
  readonly postgres?: string;
  /** PostgreSQL schema (default `public`). */
  readonly schema?: string;
  /** PostgreSQL tenant (default `default`). */
  readonly tenant?: string;
}

/** What every opened store has, whichever it is. */
export interface OpenedStoreBase {
  /** How the store is named in messages. */
  readonly label: string;
  /** The global position of the last event (0 for an empty log). */
  head(): Promise<number>;
  /** Closes the database connection (or pool). */
  close(): Promise<void>;
}
/** An opened store, tagged by kind, with the handful of things every command asks of it. */
export type OpenedStore =
  | (OpenedStoreBase & { readonly kind: 'sqlite'; readonly store: SqliteEventStore<EventLike> })
  | (OpenedStoreBase & { readonly kind: 'postgres'; readonly store: PostgresEventStore<EventLike> });

/** How a command opens its store. */
export interface OpenOptions {
  /** Refuse a SQLite file that does not exist yet, instead of creating an empty one (reading commands). */
  readonly mustExist?: boolean;
  /** Bring a PostgreSQL schema to this release's version on open (`redress migrate` only; every other command refuses an old schema). */
  readonly migrate?: boolean;
}

/**
 * Opens the store the options name, loading `@redress/sqlite` or `@redress/postgres` only when used; a
 * `CliError` when neither or both are given.
 */
export async function openStore(options: StoreOptions, io: CliIo, open: OpenOptions = {}): Promise<OpenedStore> {
  const postgres = options.postgres ?? io.env.REDRESS_POSTGRES_URL;
  if (options.sqlite !== undefined && postgres !== undefined) {
    throw new CliError(`name one store: --sqlite ${options.sqlite} and --postgres ${options.postgres ? '<url>' : '(from REDRESS_POSTGRES_URL)'} were both given`);
  }
  if (options.sqlite !== undefined) {
    if (open.mustExist && options.sqlite !== ':memory:' && !existsSync(options.sqlite)) throw new CliError(`no SQLite file at ${options.sqlite}`);
    const { createSqliteEventStore } = await loadPeer('@redress/sqlite', () => import('@redress/sqlite'));
    // Opening a SQLite store applies its pending migrations, as the host app's own open would.
    const store = createSqliteEventStore<EventLike>({ file: options.sqlite });
    return { kind: 'sqlite', store, label: `SQLite ${options.sqlite}`, head: async () => store.head(), close: async () => store.close() };
  }
  if (postgres !== undefined) {
    const { createPostgresEventStore, SchemaVersionError } = await loadPeer('@redress/postgres', () => import('@redress/postgres'));
    // Never migrates on its own: changing a shared schema is `redress migrate`'s job, run on purpose.
    const store = await createPostgresEventStore<EventLike>({
      connectionString: postgres,
      migrate: open.migrate === true,
      ...(options.schema ? { schema: options.schema } : {}),
      ...(options.tenant ? { tenant: options.tenant } : {}),
    }).catch((error: unknown) => {
      throw error instanceof SchemaVersionError ? schemaRefusal(error) : error;
    });
    const label = `PostgreSQL ${store.schema} (tenant ${store.tenant})`;
    return { kind: 'postgres', store, label, head: () => store.headPosition(), close: () => store.close() };
  }
  throw new CliError('name a store: --sqlite <file> or --postgres <url> (or set REDRESS_POSTGRES_URL)');
}

/** Says what to do about a schema this release cannot use, in the CLI's words. */
function schemaRefusal(error: { readonly schema: string; readonly databaseVersion: number; readonly supportedVersion: number; readonly message: string }): CliError {
  if (error.databaseVersion === 0) return new CliError(`PostgreSQL schema "${error.schema}" does not exist or holds no Redress tables: run \`redress migrate\` on this database first`);
  if (error.databaseVersion < error.supportedVersion) {
    return new CliError(`PostgreSQL schema "${error.schema}" is at version ${error.databaseVersion}, this release needs ${error.supportedVersion}: run \`redress migrate\` on this database first`);
  }
  return new CliError(error.message);
}

/** Runs `work` on the opened store and closes it afterwards, whatever happened. */
export async function withStore<T>(options: StoreOptions, io: CliIo, open: OpenOptions, work: (opened: OpenedStore) => Promise<T>): Promise<T> {
  const opened = await openStore(options, io, open);
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}
