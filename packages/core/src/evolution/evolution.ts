/**
 * The upcaster registry: every family of events a log may hold, and the one function
 * that brings a stored event to its type's current version. An event of a version this
 * code does not know (newer, or no version at all), or of a type its family never had,
 * is refused with a typed error; it is never folded as if it were something else.
 */
import type { z } from 'zod';
import type { EventLike, RecordedEvent } from '../events/envelope.js';
import { InvalidStoredEventError, UnknownEventTypeError, UnsupportedEventVersionError } from '../errors/data-errors.js';
import { validationErrorFromZod } from '../errors/from-zod.js';
import type { RevealedEvent } from '../privacy/crypto-shredder.js';
import type { EventFamily } from './event-family.js';
import type { Upcaster } from './upcaster.js';

/**
 * The registry of every event family a log may hold: it stamps versions on new events and brings stored ones
 * to their current version.
 */
export interface EventEvolution {
  /** The version a writer stamps on a new event of `type`; undefined for a type no family has. */
  currentVersion(type: string): number | undefined;
  /**
   * Throws the typed error `upcast` would throw for this event's type and version, without
   * touching its data: a reader checks this before paying for decryption.
   */
  check(event: RecordedEvent<EventLike>): void;
  /**
   * The event at its type's current version (the same object when it already is, and valid).
   * Throws `UnsupportedEventVersionError`, `UnknownEventTypeError` or `InvalidStoredEventError`.
   */
  upcast<E extends EventLike = EventLike>(event: RevealedEvent<EventLike>): RevealedEvent<E>;
}

interface TypeEntry {
  readonly family: EventFamily;
  /** steps[v - 1] upcasts version v. */
  readonly steps: readonly Upcaster[];
  readonly schema: z.ZodType | undefined;
}

function entriesOf(family: EventFamily): [string, TypeEntry][] {
  const known = new Set(family.types);
  const steps = new Map<string, Upcaster[]>(family.types.map((t) => [t, []]));
  for (const u of [...(family.upcasters ?? [])].sort((a, b) => a.from - b.from)) {
    const chain = steps.get(u.type);
    if (!chain) throw new RangeError(`${family.name} events: an upcaster for ${u.type}, which is not one of its types`);
    if (u.from !== chain.length + 1) {
      throw new RangeError(`${family.name} events: the upcasters of ${u.type} must go 1→2→3… without gaps or repeats; found one from version ${u.from} after ${chain.length} step(s)`);
    }
    chain.push(u);
  }
  for (const type of Object.keys(family.schemas ?? {})) {
    if (!known.has(type)) throw new RangeError(`${family.name} events: a schema for ${type}, which is not one of its types`);
  }
  return [...steps].map(([type, chain]) => [type, { family, steps: chain, schema: family.schemas?.[type] }]);
}

const ref = (event: RecordedEvent<EventLike>) => ({ eventId: event.eventId, streamId: event.streamId, type: event.type });

/** A registry of the given families. Throws a RangeError when two families claim a type or a family's upcasters are not a chain. */
export function createEventEvolution(families: readonly EventFamily[]): EventEvolution {
  const types = new Map<string, TypeEntry>();
  for (const family of families) {
    for (const [type, entry] of entriesOf(family)) {
      const other = types.get(type);
      if (other) throw new RangeError(`event type ${type} is claimed by both the ${other.family.name} and the ${family.name} events`);
      types.set(type, entry);
    }
  }

  /** The type's entry, or undefined for a foreign event that passes through. */
  function entryFor(event: RecordedEvent<EventLike>): TypeEntry | undefined {
    const entry = types.get(event.type);
    const version: unknown = event.schemaVersion;
    if (!entry) {
      const owner = families.find((f) => f.ownsStream?.(event.streamId));
      if (owner) throw new UnknownEventTypeError(ref(event), owner.name, version);
      return undefined;
    }
    const current = entry.steps.length + 1;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > current) {
      throw new UnsupportedEventVersionError(ref(event), version, current);
    }
    return entry;
  }

  function validated<E extends EventLike>(event: RevealedEvent<EventLike>, entry: TypeEntry, version: number): RevealedEvent<E> {
    if (!entry.schema) return event as RevealedEvent<E>;
    const parsed = entry.schema.safeParse({ type: event.type, data: event.data });
    if (parsed.success) return event as RevealedEvent<E>;
    // An erased field holds ERASED whatever its type was: that is not a shape error.
    const erased = new Set(event.erasure?.fields.map((f) => `data.${f}`));
    const issues = validationErrorFromZod(parsed.error).issues.filter((i) => !erased.has(i.path));
    if (issues.length === 0) return event as RevealedEvent<E>;
    throw new InvalidStoredEventError(ref(event), version, issues);
  }

  return {
    currentVersion: (type) => {
      const entry = types.get(type);
      return entry ? entry.steps.length + 1 : undefined;
    },
    check(event) {
      entryFor(event);
    },
    upcast<E extends EventLike>(event: RevealedEvent<EventLike>): RevealedEvent<E> {
      const entry = entryFor(event);
      if (!entry) return event as RevealedEvent<E>;
      const current = entry.steps.length + 1;
      if (event.schemaVersion === current) return validated(event, entry, current);
      if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) {
        throw new InvalidStoredEventError(ref(event), event.schemaVersion, [{ path: 'data', message: 'expected an object', code: 'invalid_type' }]);
      }
      const { data: _data, ...envelope } = event;
      let data = event.data as Readonly<Record<string, unknown>>;
      for (const step of entry.steps.slice(event.schemaVersion - 1)) data = step.up(data, envelope);
      return validated({ ...event, data, schemaVersion: current }, entry, current);
    },
  };
}
