import { createEngine, ticketViewProjection, type Clock } from '@redress/core';
import { createSlaTicker, defaultSlaConfig, escalateOnBreach } from '@redress/sla';
import { createSqliteEventStore } from '@redress/sqlite';
import { remedyWithinTwoWeeks } from './rules.js';

// The whole complaint desk of our app: one SQLite file holds every event.
export function openDesk(file: string, clock: Clock) {
  const store = createSqliteEventStore({ file });
  const tickets = ticketViewProjection();
  const engine = createEngine({ store, clock, projections: [tickets], rules: [remedyWithinTwoWeeks] });
  // The default SLA policy: 4 business hours to acknowledge, 7 days to a plan, the agreed
  // deadline, 3 days to follow up. A breach escalates the complaint one level up.
  const ticker = createSlaTicker({ store, config: defaultSlaConfig(), onBreach: escalateOnBreach({ engine }) });
  return { engine, tickets, ticker, close: () => store.close() };
}
