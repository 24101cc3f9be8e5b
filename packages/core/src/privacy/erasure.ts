/**
 * Finishing erasures. Erasing a subject is two writes: the audit event that records it
 * (no personal data in it), then the destruction of the keys. With the keys in a table of
 * the event store's database both go in one transaction; with a KMS they cannot, so the
 * audit event goes first: a crash in between leaves an erasure recorded whose keys still
 * exist, never keys destroyed with no record of why. This is the recovery: given the
 * subjects the log says were erased, destroy whatever keys of theirs remain. Run it at
 * start-up, or after each erasure. It is idempotent.
 */
import type { KeyStore } from './key-store.js';

/** Destroys the keys of every erased subject the key store does not yet hold as destroyed; returns those, sorted. */
export async function completeErasures(keys: KeyStore, erasedSubjects: Iterable<string>): Promise<string[]> {
  const destroyed = new Set((await keys.subjects()).filter((s) => s.destroyed).map((s) => s.subject));
  const pending = [...new Set(erasedSubjects)].filter((subject) => !destroyed.has(subject)).sort();
  for (const subject of pending) await keys.destroy(subject);
  return pending;
}
