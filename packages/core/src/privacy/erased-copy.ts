/**
 * An event as it will read once its data subject is erased, computed from the event as
 * read today: every personal value the map names replaced by `ERASED`. A read model that
 * keeps this beside what it shows (the SQL ticket tables do) can erase a customer in place,
 * without the log, and end up exactly where a rebuild over the erased events ends up, as
 * long as the map is the one the writer protected with.
 */
import type { EventLike, RecordedEvent } from '../events/envelope.js';
import { ERASED } from './erased.js';
import { concretePaths, withValues } from './paths.js';
import { DEFAULT_PERSONAL_DATA, type PersonalDataMap } from './personal-data.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The event with each personal value present in its data set to `ERASED` (the event itself when it has none). */
export function erasedCopy<E extends EventLike>(event: RecordedEvent<E>, personalData: PersonalDataMap = DEFAULT_PERSONAL_DATA): RecordedEvent<E> {
  const patterns = personalData[event.type];
  const data: unknown = event.data;
  if (!patterns || !isRecord(data)) return event;
  const found = [...new Set(patterns.flatMap((p) => concretePaths(data, p)))];
  // A path inside another is erased with it, as the shredder encrypts the outer value whole.
  const paths = found.filter((path) => !found.some((outer) => outer !== path && (path.startsWith(`${outer}.`) || path.startsWith(`${outer}[`))));
  if (paths.length === 0) return event;
  const erased = withValues(data, paths, paths.map(() => ERASED));
  return erased ? ({ ...event, data: erased } as RecordedEvent<E>) : event;
}
