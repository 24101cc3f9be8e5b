/**
 * A submitted form back into the command's `data`, guided by the same schema the form was
 * built from: numbers become numbers, a datetime-local becomes an instant in the station's
 * time zone, a comma-separated list becomes an array, empty fields are left out and an
 * optional group nobody filled in is left out whole. Nothing is validated here: the engine
 * does that and its errors come back with the field paths the form uses.
 */
import type { JsonSchema } from './json-schema.js';

export type FormValues = Readonly<Record<string, string>>;

/** `2026-11-30T17:30` in `timeZone` → `2026-11-30T17:30:00+08:00`. */
export function instantIn(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return local; // not a datetime-local value: let the engine say what is wrong
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that instant (two passes settle it across a DST change).
  const offsetAt = (t: number) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
      .formatToParts(new Date(t))
      .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
    return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day, parts.hour, parts.minute) - t;
  };
  const guess = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(guess)).toISOString();
}

interface Read {
  readonly value: unknown;
  /** Whether the user entered anything under this path. */
  readonly given: boolean;
}

function readLeaf(values: FormValues, path: string, schema: JsonSchema, timeZone: string): Read {
  const raw = values[path];
  if (schema.type === 'boolean') return { value: raw === 'true', given: raw !== undefined && raw !== '' };
  if (raw === undefined || raw.trim() === '') return { value: undefined, given: false };
  if (schema.type === 'integer' || schema.type === 'number') {
    const n = Number(raw);
    return { value: Number.isFinite(n) ? n : raw, given: true };
  }
  if (schema.type === 'array') return { value: raw.split(',').map((s) => s.trim()).filter(Boolean), given: true };
  if (schema.format === 'date-time') return { value: instantIn(raw, timeZone), given: true };
  return { value: raw, given: true };
}

function readObject(values: FormValues, path: string, schema: JsonSchema, timeZone: string): Read {
  const out: Record<string, unknown> = {};
  let given = false;
  const booleans: string[] = [];
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const read = readAt(values, `${path}.${name}`, child, timeZone);
    if (child.type === 'boolean') booleans.push(name);
    if (read.given) given = true;
    if (read.value !== undefined && (read.given || child.type !== 'boolean')) out[name] = read.value;
  }
  // In a group the user filled in, an unticked box is a "no".
  if (given) for (const name of booleans) out[name] ??= false;
  return { value: out, given };
}

function readArray(values: FormValues, path: string, schema: JsonSchema, timeZone: string): Read {
  const items: unknown[] = [];
  for (let i = 0; i < (schema.maxItems ?? 50); i++) {
    if (!Object.keys(values).some((k) => k.startsWith(`${path}.${i}.`))) break;
    const read = readObject(values, `${path}.${i}`, schema.items as JsonSchema, timeZone);
    if (read.given) items.push(read.value);
  }
  return { value: items.length ? items : undefined, given: items.length > 0 };
}

function readAt(values: FormValues, path: string, schema: JsonSchema, timeZone: string): Read {
  if (schema.type === 'object') {
    const read = readObject(values, path, schema, timeZone);
    return read.given ? read : { value: undefined, given: false };
  }
  if (schema.type === 'array' && schema.items?.type === 'object') return readArray(values, path, schema, timeZone);
  return readLeaf(values, path, schema, timeZone);
}

/** The command's `data` from a form whose field names are `data.<path>`. */
export function dataFromForm(values: FormValues, schema: JsonSchema, timeZone: string): Record<string, unknown> {
  return readObject(values, 'data', schema, timeZone).value as Record<string, unknown>;
}
