/**
 * The no-silent-skip rule for the PostgreSQL tests, decided once per run: the tests
 * use the system's PostgreSQL or the npm build (see @redress/postgres/testing), so
 * only a platform with neither lacks one. Then, outside CI, the config leaves
 * packages/postgres out and the integration tier says so in one line; inside CI
 * (`CI=true`) the run fails.
 */
import { postgresUnavailableReason } from '../../packages/postgres/src/testing/binaries.js';
import { inCi } from './ci.js';

/** Where the tests that need a PostgreSQL server live. */
export const POSTGRES_TESTS = 'packages/postgres/src/**/*.test.ts';

/** Why the PostgreSQL tests cannot run here, or undefined when they can. */
export const missingPostgres: string | undefined = postgresUnavailableReason();

/** The integration tier's global setup: one visible line, or a failure in CI. */
export default function announceMissingPostgres(): void {
  if (missingPostgres === undefined) return;
  if (inCi()) throw new Error(`the PostgreSQL tests cannot run: ${missingPostgres} (CI=true: a missing PostgreSQL is a failure, never a skip)`);
  console.warn(`⚠ skipping the PostgreSQL tests (${POSTGRES_TESTS}): ${missingPostgres}`);
}
