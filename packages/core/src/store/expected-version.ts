import { ConcurrencyConflictError, type ExpectedVersion } from '../errors/errors.js';

/** Does a stream at `current` (0 = does not exist) satisfy `expected`? */
export function matchesExpectedVersion(current: number, expected: ExpectedVersion): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'noStream':
      return current === 0;
    case 'streamExists':
      return current > 0;
    default:
      return current === expected;
  }
}

/** Throws the typed conflict when the stream is not where the writer expected it. */
export function assertExpectedVersion(streamId: string, current: number, expected: ExpectedVersion): void {
  if (!matchesExpectedVersion(current, expected)) throw new ConcurrencyConflictError(streamId, expected, current);
}
