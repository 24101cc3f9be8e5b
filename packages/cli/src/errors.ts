/**
 * The CLI's one error: something the user can fix (a missing option, a file that is not
 * a log, a store that is not empty). Its message says what and how; `redress` prints it
 * without a stack trace and exits with 1. Anything else is a bug and keeps its stack.
 */
export class CliError extends Error {
  /** The class name as a string, so logs still name it after a bundler renames the class. */
  override readonly name = 'CliError';
  /**
   * Always `'Cli'`: recognise the error by this, not `instanceof`, which fails across the ESM and CommonJS
   * builds.
   */
  readonly kind = 'Cli' as const;
}

/**
 * The message for a failure the user can act on that is not ours: an error a store or the
 * SLA engine raises about its input (a newer schema, a missing binding, a bad config) or the
 * database server's refusal. Undefined for anything else: that is a bug, and keeps its stack.
 */
export function userFacingMessage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { kind, code } = error as { kind?: unknown; code?: unknown };
  if (kind === 'Cli' || kind === 'NativeBinding' || kind === 'SchemaTooNew' || kind === 'StoreInput' || kind === 'SlaConfig') return error.message;
  if (error.name === 'SchemaVersionError') return error.message;
  // PostgreSQL: a missing schema or table means one that was never migrated.
  if (code === '42P01' || code === '3F000') return `${error.message}: run \`redress migrate\` on this database first`;
  if (typeof code === 'string' && (/^[0-9A-Z]{5}$/.test(code) || /^E[A-Z]+$/.test(code))) return `${error.message} (${code})`;
  return undefined;
}
