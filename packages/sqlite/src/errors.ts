/**
 * The errors only a SQL store can raise. Conflicts and bad commands use
 * @redress/core's typed errors; these are about the file and the options.
 */

/** The file was migrated by a newer @redress/sqlite: this build would misread it, so it refuses to open it. */
export class SchemaTooNewError extends Error {
  /** The class name as a string, so logs still name it after a bundler renames the class. */
  override readonly name = 'SchemaTooNewError';
  /**
   * Always `'SchemaTooNew'`: recognise the error by this, not `instanceof`, which fails across the ESM and
   * CommonJS builds.
   */
  readonly kind = 'SchemaTooNew' as const;
  constructor(
    /** The schema version the file was migrated to. */
    readonly fileVersion: number,
    /** The newest version this build reads. */
    readonly supportedVersion: number,
  ) {
    super(
      `the database's schema is at version ${fileVersion}, but this @redress/sqlite supports up to version ${supportedVersion}: upgrade @redress/sqlite (the file was left untouched)`,
    );
  }
}

/** An argument the store cannot act on: nothing was written. */
export class StoreInputError extends Error {
  /** The class name as a string, so logs still name it after a bundler renames the class. */
  override readonly name = 'StoreInputError';
  /**
   * Always `'StoreInput'`: recognise the error by this, not `instanceof`, which fails across the ESM and
   * CommonJS builds.
   */
  readonly kind = 'StoreInput' as const;
  constructor(
    /** The argument that was refused. */
    readonly argument: string,
    problem: string,
  ) {
    super(`${argument}: ${problem}`);
  }
}
