/**
 * Ids are injected too. nanoid by default: 21 URL-safe characters, collision-safe
 * across processes without coordination.
 */
import { nanoid } from 'nanoid';

export type IdGenerator = () => string;

export const nanoidGenerator: IdGenerator = () => nanoid();

/** Predictable ids (`prefix-1`, `prefix-2`, …) for tests and reproducible demos. */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return () => `${prefix}-${++n}`;
}
