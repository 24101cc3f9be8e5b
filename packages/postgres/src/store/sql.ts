/** Small SQL helpers shared by the store and the projections. */
import { escapeIdentifier } from 'pg';

/** A schema name as a quoted identifier, safe to splice into SQL. */
export function quoteIdentifier(name: string): string {
  if (name === '' || name.includes('\u0000')) throw new TypeError(`invalid PostgreSQL identifier: ${JSON.stringify(name)}`);
  return escapeIdentifier(name);
}

/** PostgreSQL's error code for a unique violation. */
export const UNIQUE_VIOLATION = '23505';

/** The SQLSTATE and constraint of a driver error, when it is one. */
export function pgError(error: unknown): { readonly code?: string; readonly constraint?: string } {
  return typeof error === 'object' && error !== null ? (error as { code?: string; constraint?: string }) : {};
}
