/** Small SQL helpers shared by the store and the projections. */
import { escapeIdentifier } from 'pg';

/** A schema name or tenant the store cannot use safely: nothing was created or written. */
export class StoreNameError extends Error {
  /** The class name as a string, so logs still name it after a bundler renames the class. */
  override readonly name = 'StoreNameError';
  /**
   * Always `'StoreName'`: recognise the error by this, not `instanceof`, which fails across the ESM and
   * CommonJS builds.
   */
  readonly kind = 'StoreName' as const;
  constructor(
    /** `'schema'` or `'tenant'`. */
    readonly what: string,
    /** The name that was refused. */
    readonly value: string,
    problem: string,
  ) {
    super(`invalid ${what} ${JSON.stringify(value)}: ${problem}`);
  }
}

const MAX_IDENTIFIER_BYTES = 63;

/** Why `name` cannot be a schema name, or undefined when it can. */
function schemaNameProblem(name: string): string | undefined {
  if (typeof name !== 'string' || name === '') return 'must be a non-empty string';
  // Longer names are cut short by PostgreSQL without a word: two names would share one schema.
  if (Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES) return `must be at most ${MAX_IDENTIFIER_BYTES} bytes long (PostgreSQL truncates longer identifiers)`;
  // `$` could close the dollar quotes of a function body the name is spliced into.
  if (name.includes('$')) return 'must not contain "$"';
  if (/[\p{Cc}\p{Cs}]/u.test(name)) return 'must not contain control characters or lone surrogates';
  if (name.startsWith('pg_')) return 'must not start with "pg_" (reserved by PostgreSQL)';
  return undefined;
}

/**
 * A schema name as a quoted identifier, safe to splice into any SQL, function bodies
 * included. Names are checked first, so a hostile one is refused rather than escaped.
 */
export function quoteIdentifier(name: string): string {
  const problem = schemaNameProblem(name);
  if (problem) throw new StoreNameError('schema', String(name), problem);
  return escapeIdentifier(name);
}

/** Tenants are always bound as parameters; they only must be text PostgreSQL can hold. */
export function checkTenant(tenant: string): string {
  if (typeof tenant !== 'string' || tenant === '') throw new StoreNameError('tenant', String(tenant), 'must be a non-empty string');
  if (tenant.includes('\u0000') || /\p{Cs}/u.test(tenant)) throw new StoreNameError('tenant', tenant, 'must not contain NUL characters or lone surrogates');
  return tenant;
}

/** PostgreSQL's error code for a unique violation. */
export const UNIQUE_VIOLATION = '23505';

/** The SQLSTATE and constraint of a driver error, when it is one. */
export function pgError(error: unknown): { readonly code?: string; readonly constraint?: string } {
  return typeof error === 'object' && error !== null ? (error as { code?: string; constraint?: string }) : {};
}
