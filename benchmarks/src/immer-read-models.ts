/**
 * The read models the immer benchmark folds, each written three ways that must agree:
 * with `defineProjection` / `defineKeyedProjection` (immer drafts, frozen results), and by
 * hand, both mutating in place (the built-in projections' style) and copying with spreads
 * (an immutable hand-written reducer: the honest baseline for "frozen, shared" results).
 */
import { defineKeyedProjection, defineProjection, type ComplaintEvent, type Projection, type RecordedEvent } from '@redress/core';

/** A desk report: small state, a few counters and a count per cause. */
export interface Desk {
  received: number;
  archived: number;
  reopened: number;
  byCause: Record<string, number>;
}
const emptyDesk = (): Desk => ({ received: 0, archived: 0, reopened: 0, byCause: {} });
const DESK_TYPES = ['ComplaintReceived', 'ComplaintArchived', 'ComplaintReopened', 'CauseIdentified'] as const;

export const deskWithImmer = (): Projection<Desk> =>
  defineProjection<Desk>({
    name: 'desk',
    initial: emptyDesk(),
    on: {
      ComplaintReceived: (d) => void d.received++,
      ComplaintArchived: (d) => void d.archived++,
      ComplaintReopened: (d) => void d.reopened++,
      CauseIdentified(d, e) {
        d.byCause[e.data.cause] = (d.byCause[e.data.cause] ?? 0) + 1;
      },
    },
  });

export const deskInPlace = (): Projection<Desk> => ({
  name: 'desk',
  handles: DESK_TYPES,
  initialState: emptyDesk,
  evolve(s, e) {
    if (e.type === 'ComplaintReceived') s.received++;
    else if (e.type === 'ComplaintArchived') s.archived++;
    else if (e.type === 'ComplaintReopened') s.reopened++;
    else if (e.type === 'CauseIdentified') s.byCause[e.data.cause] = (s.byCause[e.data.cause] ?? 0) + 1;
    return s;
  },
});

export const deskBySpread = (): Projection<Desk> => ({
  name: 'desk',
  handles: DESK_TYPES,
  initialState: emptyDesk,
  evolve(s, e) {
    if (e.type === 'ComplaintReceived') return { ...s, received: s.received + 1 };
    if (e.type === 'ComplaintArchived') return { ...s, archived: s.archived + 1 };
    if (e.type === 'ComplaintReopened') return { ...s, reopened: s.reopened + 1 };
    if (e.type === 'CauseIdentified') return { ...s, byCause: { ...s.byCause, [e.data.cause]: (s.byCause[e.data.cause] ?? 0) + 1 } };
    return s;
  },
});

/** A table: one entry per complaint (its notes, contacts and the causes found). */
export interface Handling {
  notes: number;
  contacts: number;
  causes: string[];
}
const HANDLING_TYPES = ['ComplaintReceived', 'NoteAdded', 'CustomerContactLogged', 'CauseIdentified'] as const;
const newHandling = (): Handling => ({ notes: 0, contacts: 0, causes: [] });
type Table = Map<string, Handling>;

export const handlingWithImmer = (): Projection<Table> =>
  defineKeyedProjection<Handling>({
    name: 'handling',
    initial: newHandling,
    on: {
      ComplaintReceived: () => undefined,
      NoteAdded: (d) => void d.notes++,
      CustomerContactLogged: (d) => void d.contacts++,
      CauseIdentified: (d, e) => void d.causes.push(e.data.cause),
    },
  });

/** A complaint's entry; every complaint's first event creates it. */
function entryOf<H>(table: Record<string, H>, id: string): H {
  const entry = table[id];
  if (entry === undefined) throw new Error(`no entry for ${id}: its ComplaintReceived was not seen`);
  return entry;
}

/** The trap `defineKeyedProjection` avoids: the whole table as one immer state, copied per event. */
export const handlingAsOneState = (): Projection<Record<string, Handling>> =>
  defineProjection<Record<string, Handling>>({
    name: 'handling',
    initial: {},
    on: {
      ComplaintReceived: (d, e) => void (d[e.streamId] = newHandling()),
      NoteAdded: (d, e) => void entryOf(d, e.streamId).notes++,
      CustomerContactLogged: (d, e) => void entryOf(d, e.streamId).contacts++,
      CauseIdentified: (d, e) => void entryOf(d, e.streamId).causes.push(e.data.cause),
    },
  });

export const handlingInPlace = (): Projection<Table> => ({
  name: 'handling',
  handles: HANDLING_TYPES,
  initialState: () => new Map(),
  evolve(table, e) {
    if (e.type === 'ComplaintReceived') table.set(e.streamId, newHandling());
    const h = table.get(e.streamId);
    if (h === undefined) throw new Error(`no entry for ${e.streamId}: its ComplaintReceived was not seen`);
    if (e.type === 'NoteAdded') h.notes++;
    else if (e.type === 'CustomerContactLogged') h.contacts++;
    else if (e.type === 'CauseIdentified') h.causes.push(e.data.cause);
    return table;
  },
});

/** Immutable by hand: each entry replaced by a spread copy (the Map, a table, updated in place). */
export const handlingBySpread = (): Projection<Table> => ({
  name: 'handling',
  handles: HANDLING_TYPES,
  initialState: () => new Map(),
  evolve(table, e) {
    const h = table.get(e.streamId) ?? newHandling();
    if (e.type === 'ComplaintReceived') table.set(e.streamId, h);
    else if (e.type === 'NoteAdded') table.set(e.streamId, { ...h, notes: h.notes + 1 });
    else if (e.type === 'CustomerContactLogged') table.set(e.streamId, { ...h, contacts: h.contacts + 1 });
    else if (e.type === 'CauseIdentified') table.set(e.streamId, { ...h, causes: [...h.causes, e.data.cause] });
    return table;
  },
});

/** The state after feeding every event through the projection's own `handles` filter, as a runner does. */
export function fold<S>(projection: Projection<S>, events: readonly RecordedEvent<ComplaintEvent>[]): S {
  const handles = new Set<string>(projection.handles);
  let state = projection.initialState();
  for (const e of events) if (handles.has(e.type)) state = projection.evolve(state, e);
  return state;
}
