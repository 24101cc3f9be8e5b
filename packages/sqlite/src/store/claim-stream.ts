/**
 * The stream row's compare-and-set: the version check and the version write of an append
 * in one statement, for the two expectations the engine sends. A new stream is an INSERT
 * that takes no row if the stream exists; a known version is an UPDATE that takes no row
 * if the stream moved on. The statement's change count is the answer, so the common append
 * reads nothing before it writes. Under IMMEDIATE there is no race left to decide (one
 * writer holds the lock); what this saves is the separate `SELECT version`, a fifth of the
 * statements of a one-event append.
 *
 * `'any'` and `'streamExists'` hold for many versions: the stream's version is read first,
 * as the events' versions continue it.
 */
import { matchesExpectedVersion, type ExpectedVersion } from '@redress/core';
import type { Database } from 'better-sqlite3';

/**
 * Moves the stream's row on by `count` versions if `expected` holds, and returns the version
 * before; `undefined` when it does not hold, and then nothing was written.
 */
export type ClaimStream = (streamId: string, expected: ExpectedVersion, count: number) => number | undefined;

export function claimStream(db: Database): ClaimStream {
  const create = db.prepare('INSERT INTO redress_streams (stream_id, version) VALUES (?, ?) ON CONFLICT (stream_id) DO NOTHING');
  const advance = db.prepare('UPDATE redress_streams SET version = ? WHERE stream_id = ? AND version = ?');
  const version = db.prepare('SELECT version FROM redress_streams WHERE stream_id = ?').pluck();
  const upsert = db.prepare('INSERT INTO redress_streams (stream_id, version) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version');
  return (streamId, expected, count) => {
    // A stream's version is never 0 (the table's CHECK), so 0 expects a new stream, as 'noStream' does.
    if (expected === 'noStream' || expected === 0) return create.run(streamId, count).changes === 1 ? 0 : undefined;
    if (typeof expected === 'number') return advance.run(expected + count, streamId, expected).changes === 1 ? expected : undefined;
    const current = (version.get(streamId) as number | undefined) ?? 0;
    if (!matchesExpectedVersion(current, expected)) return undefined;
    upsert.run(streamId, current + count);
    return current;
  };
}
