/**
 * The read side, as SQL. The global order is read below the horizon only
 * (positions.ts): `global_position >= $from AND global_position < horizon` is a range
 * of the (tenant, global_position) index whatever the table holds, so the plan cannot
 * tip over into a scan. Stream reads need no horizon: a stream's versions are final
 * once committed, and a writer must see every committed version to decide.
 */
import type { EventLike, RecordedEvent } from '@redress/core';
import type { Pool } from 'pg';
import type { StoreTables } from './append.js';
import { horizon } from './positions.js';
import { EVENT_COLUMNS, toRecorded, type EventRow } from './rows.js';

const LAST_VERSION = 2_147_483_647;

export function readLog<E extends EventLike>(pool: Pool, t: StoreTables) {
  const s = t.schema;
  return {
    async readStream(streamId: string, fromVersion: number, toVersion = LAST_VERSION): Promise<RecordedEvent<E>[]> {
      const { rows } = await pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM ${s}.redress_events
         WHERE tenant = $1 AND stream_id = $2 AND stream_version >= $3 AND stream_version <= $4 ORDER BY stream_version`,
        [t.tenant, streamId, fromVersion, toVersion],
      );
      return rows.map((r) => toRecorded<E>(r));
    },

    async readAll(fromPosition: number, limit: number): Promise<RecordedEvent<E>[]> {
      if (!(limit > 0)) return [];
      const from = Number.isFinite(fromPosition) ? Math.max(1, Math.floor(fromPosition)) : 1;
      const { rows } = await pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM ${s}.redress_events
         WHERE tenant = $1 AND global_position >= $2 AND global_position < ${horizon(s)}
         ORDER BY global_position LIMIT $3`,
        [t.tenant, from, Math.ceil(Math.min(limit, 1_000_000))],
      );
      return rows.map((r) => toRecorded<E>(r));
    },

    /**
     * The last committed position (0: none), `readable` or not yet (an older transaction
     * still runs). Readers reach it once every transaction before it has ended.
     */
    async head(readable: boolean): Promise<number> {
      const { rows } = await pool.query<{ head: string | null }>(
        `SELECT max(global_position) AS head FROM ${s}.redress_events WHERE tenant = $1${readable ? ` AND global_position < ${horizon(s)}` : ''}`,
        [t.tenant],
      );
      return Number(rows[0]?.head ?? 0);
    },

    /** Where these event ids are stored, by stream and version. */
    async placesOf(ids: readonly string[]) {
      const { rows } = await pool.query<{ event_id: string; stream_id: string; stream_version: number }>(
        `SELECT event_id, stream_id, stream_version FROM ${s}.redress_events WHERE tenant = $1 AND event_id = ANY($2::text[]) ORDER BY stream_id, stream_version`,
        [t.tenant, ids],
      );
      return rows;
    },
  };
}
