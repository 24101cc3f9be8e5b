/**
 * The projection lease: one row per projection naming the instance that may run
 * it and until when. Taking it succeeds when it is free, expired, or already ours;
 * the same statement renews it. It is only ever taken inside the transaction that
 * applies a batch, so an instance that lost its lease (paused past the expiry,
 * then woke up) finds out before it writes anything.
 */
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';

/** A projection's lease as stored: who holds it and until when. */
export interface LeaseRow {
  /** The holding instance's name. */
  readonly owner: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

export interface Lease {
  /** Takes or renews the lease until `now + ms`; false when another live owner holds it. */
  take(owner: string, now: number, ms: number): boolean;
  /** Gives it up if `owner` holds it, so a standby can take over at once. */
  release(owner: string): void;
  holder(): LeaseRow | undefined;
}

export function leaseOf(db: SqliteDatabase, projection: string): Lease {
  const take: Statement = db.prepare(`
    INSERT INTO redress_projection_leases (projection, owner, expires_at) VALUES (@projection, @owner, @until)
    ON CONFLICT (projection) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
    WHERE redress_projection_leases.owner = excluded.owner OR redress_projection_leases.expires_at <= @now`);
  const release = db.prepare('DELETE FROM redress_projection_leases WHERE projection = ? AND owner = ?');
  const holder = db.prepare('SELECT owner, expires_at AS expiresAt FROM redress_projection_leases WHERE projection = ?');
  return {
    take: (owner, now, ms) => take.run({ projection, owner, until: now + ms, now }).changes === 1,
    release: (owner) => void release.run(projection, owner),
    holder: () => holder.get(projection) as LeaseRow | undefined,
  };
}
