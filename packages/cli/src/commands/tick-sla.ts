/**
 * `redress sla-tick`: one tick of the SLA clocks at `now`: folds the log into every
 * ticket's clocks and appends the warnings and breaches due by then. Idempotent like the
 * ticker it runs (deterministic event ids), so a cron job calling it every minute and a
 * host's own scheduler can both run without recording a breach twice.
 */
import type { EventLike, EventStore } from '@redress/core';
import type { SlaConfig } from '@redress/sla';
import { loadPeer } from '../store/load-peer.js';

/** What one `redress tick` did. */
export interface TickReport {
  /** The instant the tick ran at (ISO-8601). */
  readonly now: string;
  /** SLA events appended by this tick, by type. */
  readonly appended: Readonly<Record<string, number>>;
  /** Events that were due but already stored (another ticker was first). */
  readonly alreadyStored: number;
  /** When the next threshold falls due as things stand, or null. */
  readonly nextDueAt: string | null;
}

/**
 * Runs the SLA ticker once at `now` over the whole log: appends the warnings and breaches due by then and
 * reports when the next one falls due.
 */
export async function tickSla(store: Pick<EventStore<EventLike>, 'append' | 'readAll'>, config: SlaConfig, now: Date): Promise<TickReport> {
  const { createSlaTicker } = await loadPeer('@redress/sla', () => import('@redress/sla'));
  const result = await createSlaTicker({ store, config }).tick(now);
  const appended: Record<string, number> = {};
  for (const event of result.appended) appended[event.type] = (appended[event.type] ?? 0) + 1;
  return { now: now.toISOString(), appended, alreadyStored: result.alreadyStored, nextDueAt: result.nextDueAt };
}
