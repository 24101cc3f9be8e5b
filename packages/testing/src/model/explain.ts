/**
 * Failure stories that show why: when an invariant breaks, its check is run once more
 * on a context whose command and events record every payload field read, and each
 * command of the complaint's story is shown with the fields read from it (or from the
 * events it appended), beside the decision state before and after the failing command.
 * A reader sees the refund's amount and the severity without replaying the run.
 *
 * Reads are recorded through proxies over copies (events may be frozen, and a proxy of
 * a frozen object must hand out the very same property values). `untracked` gives the
 * plain value back, for checks that fold whole histories (replaying a state reads every
 * field, which says nothing about what the rule looked at).
 */
import { evolveAll, initialComplaintState, type ComplaintEvent, type RecordedEvent } from '@redress/core';
import type { Invariant, InvariantContext } from './invariant.js';

type Recorded = RecordedEvent<ComplaintEvent>;
const RAW = Symbol('untracked');

/** The plain value behind a tracked one (itself when it is not tracked). */
export function untracked<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  const raw = (value as { [RAW]?: T })[RAW];
  if (raw !== undefined) return raw;
  return (Array.isArray(value) ? value.map(untracked) : value) as T;
}

type Reads = (path: string, value: unknown) => void;

function track<T>(value: T, read: Reads, path: string): T {
  if (value === null || typeof value !== 'object') return value;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as object;
  return new Proxy(copy, {
    get(target, key, receiver) {
      if (key === RAW) return value;
      const found: unknown = Reflect.get(target, key, receiver);
      if (typeof key === 'symbol' || typeof found === 'function' || key === 'length') return found;
      const at = Array.isArray(target) ? `${path}[]` : path === '' ? key : `${path}.${key}`;
      if (found !== null && typeof found === 'object') return track(found, read, at);
      read(at, found);
      return found;
    },
  }) as T;
}

/** Payload fields read, by the command they belong to (its command id, or the command itself). */
export type FieldsRead = Map<string, Map<string, unknown>>;

const CURRENT = '(this command)';

/** Runs the invariant again on a recording context: which fields of which command it read. */
export async function fieldsRead(inv: Invariant, context: InvariantContext): Promise<FieldsRead> {
  const reads: FieldsRead = new Map();
  const reader = (owner: string): Reads => (path, value) => {
    // The event's payload and actor are what a reader needs; its envelope (ids, positions) is bookkeeping.
    const field = path.startsWith('data.') ? path.slice(5) : path.startsWith('actor.') ? path : undefined;
    if (field === undefined) return;
    const fields = reads.get(owner) ?? new Map<string, unknown>();
    fields.set(field, value);
    reads.set(owner, fields);
  };
  const events = (list: readonly Recorded[]) => list.map((e) => track(e, reader(e.causationId), ''));
  const traced: InvariantContext = {
    ...context,
    command: track(context.command, reader(CURRENT), ''),
    before: events(context.before),
    stream: events(context.stream),
    log: events(context.log),
  };
  try {
    await inv.check(traced);
  } catch {
    // The story is shown without the fields rather than not at all.
  }
  return reads;
}

const MAX_FIELDS = 6;

/** `{remedy.kind: "refund", remedy.amount.value: 6200}`, at most a few fields. */
export function formatFields(fields: ReadonlyMap<string, unknown> | undefined): string {
  if (fields === undefined || fields.size === 0) return '';
  const shown = [...fields].slice(0, MAX_FIELDS).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return ` {${shown.join(', ')}${fields.size > MAX_FIELDS ? `, …${fields.size - MAX_FIELDS} more` : ''}}`;
}

/** What the command changed in the decision state: `step: resolutionProposed → executing; remedyApproved: false → true`. */
export function stateChange(before: readonly Recorded[], after: readonly Recorded[]): string {
  const a = evolveAll(initialComplaintState, before) as unknown as Record<string, unknown>;
  const b = evolveAll(initialComplaintState, after) as unknown as Record<string, unknown>;
  const changed = Object.keys(b).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  const step = `step ${String(a.step)}${a.step === b.step ? '' : ` → ${String(b.step)}`}, severity ${String(a.severity)}${a.severity === b.severity ? '' : ` → ${String(b.severity)}`}`;
  const rest = changed.filter((k) => k !== 'step' && k !== 'severity').map((k) => `${k}: ${JSON.stringify(a[k])} → ${JSON.stringify(b[k])}`);
  return [step, ...rest].join('; ');
}

export { CURRENT };
