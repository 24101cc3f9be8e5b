import { createBusinessCalendar } from '@redress/sla';
import { beforeAll, describe, expect, it } from 'vitest';
import { weekAnalytics } from './analytics.js';
import { atLocal, WEEK_END, workingMinutesAfter } from './calendar.js';
import { renderSlaBoard } from './sla-board.js';
import { clockName, STATION_CALENDAR } from './sla-config.js';
import { HANDLER_BREACHES_SQL, sqlSlaReader } from './sla-sql.js';
import { memorySlaReader, type SlaClockLine } from './sla-reader.js';
import { slaOfWeek, type SlaWeek } from './sla-week.js';
import { WIDTH } from './board.js';
import { storeChoice } from './store.js';
import { displayWidth } from './text.js';
import { playWeek, type Week } from './week.js';

const DAY = 86_400_000;
const key = (c: SlaClockLine) => `${c.complaintId}/${c.clock}`;

let onSqlite: Week;
let inMemory: Week;
let fromSql: SlaWeek;
let fromMemory: SlaWeek;
beforeAll(async () => {
  // The same seed on both stores: the same week, event for event ('' is a fresh temporary SQLite file).
  onSqlite = await playWeek({ store: storeChoice('') });
  inMemory = await playWeek({ store: { kind: 'memory' } });
  fromSql = await slaOfWeek(onSqlite);
  fromMemory = await slaOfWeek(inMemory);
});

describe('the SLA board', () => {
  it('reads SQL on SQLite and the in-memory projection otherwise, and prints the same either way', () => {
    expect(onSqlite.sqlite).not.toBeNull();
    expect(inMemory.sqlite).toBeNull();
    expect(renderSlaBoard(fromSql)).toBe(renderSlaBoard(fromMemory));
  });

  it('lists the breaches of the week, each late by the week end', () => {
    const breached = fromSql.reader.breached();
    expect(breached.length).toBeGreaterThan(0);
    const text = renderSlaBoard(fromSql);
    for (const c of breached) {
      expect(c.breachedAt !== null && Date.parse(c.breachedAt) <= WEEK_END.getTime(), key(c)).toBe(true);
      expect(text).toContain(c.complaintId);
    }
    expect(text).toContain('(explain)');
  });

  it('is judged at the end of the week, from the demo clock', () => {
    expect(fromSql.now).toEqual(WEEK_END);
    expect(fromMemory.now).toEqual(WEEK_END);
  });

  it('gets the same answers from SQL as from @redress/sla, per handler, at the week end and in the days after', async () => {
    const sqlite = onSqlite.sqlite;
    if (!sqlite) throw new Error('the week was not played on SQLite');
    for (const days of [0, 1, 2, 4, 8]) {
      const now = new Date(WEEK_END.getTime() + days * DAY);
      const sql = await sqlSlaReader(sqlite, onSqlite.clock, now);
      const memory = memorySlaReader(fromSql.state, now);
      expect(sql.breached(), `breached +${days}d`).toEqual(memory.breached());
      expect(sql.warned(), `warned +${days}d`).toEqual(memory.warned());
      for (const handlerId of new Set(memory.breached().flatMap((c) => (c.handlerId === null ? [] : [c.handlerId])))) {
        expect(sql.breached(handlerId), `${handlerId} +${days}d`).toEqual(memory.breached(handlerId));
      }
    }
    // Days later some clocks still running reach their warnings: the comparison is not of empty lists only.
    expect(memorySlaReader(fromSql.state, new Date(WEEK_END.getTime() + DAY)).warned().length).toBeGreaterThan(0);
  });

  it('prints a SQL statement that answers as breachedSlaClocks does', () => {
    const db = onSqlite.sqlite?.database;
    if (!db) throw new Error('the week was not played on SQLite');
    const now = fromSql.now.toISOString();
    const handlers = new Set(fromSql.reader.breached().flatMap((c) => (c.handlerId === null ? [] : [c.handlerId])));
    expect(handlers.size).toBeGreaterThan(0);
    for (const handler of handlers) {
      const rows = db.prepare(HANDLER_BREACHES_SQL).all({ handler, now }) as { complaint_id: string; clock: string }[];
      expect(rows.map((r) => `${r.complaint_id}/${r.clock}`)).toEqual(fromSql.reader.breached(handler).map(key));
    }
  });

  it('fits a 100-column terminal', () => {
    const widest = Math.max(...renderSlaBoard(fromSql).split('\n').map(displayWidth));
    expect(widest).toBeLessThanOrEqual(WIDTH);
  });
});

describe("the station's SLA calendar", () => {
  const calendar = createBusinessCalendar(STATION_CALENDAR);

  it('is open when the week says the desk is: every day, lunchtime and Sunday included', () => {
    expect(calendar.isOpen(atLocal(6, 12, 30).getTime())).toBe(true);
    expect(calendar.isOpen(atLocal(0, 8, 29).getTime())).toBe(false);
    expect(calendar.isOpen(atLocal(2, 18, 0).getTime())).toBe(false);
  });

  it('counts working minutes as the week does', () => {
    for (const [day, hours, minutes] of [[0, 9, 0], [2, 17, 40], [5, 16, 0], [6, 8, 30]] as const) {
      for (const m of [5, 90, 600, 1500]) {
        const from = atLocal(day, hours, minutes);
        expect(new Date(calendar.add(from.getTime(), m * 60_000)), `${from.toISOString()} +${m} min`).toEqual(workingMinutesAfter(from, m));
      }
    }
  });
});

describe("the report's SLA rows", () => {
  it('come from the SLA clocks: the follow-up row misses exactly the breached follow-up clocks', async () => {
    const analytics = await weekAnalytics(onSqlite, fromSql);
    const followUp = analytics.sla.external[`SLA: ${clockName('followUp')}`];
    const breached = fromSql.reader.breached().filter((c) => c.clock === 'followUp').length;
    expect(breached).toBeGreaterThan(0);
    expect(followUp && followUp.total - followUp.met).toBe(breached);
    expect(analytics.timeToAcknowledge.business).not.toBeNull();
    expect(analytics.surveys.overall).not.toBeNull();
  });
});
