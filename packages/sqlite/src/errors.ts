/**
 * The errors only a SQL store can raise. Conflicts and bad commands use
 * @redress/core's typed errors; these are about the file and the options.
 */

/** The file was migrated by a newer @redress/sqlite: this build would misread it, so it refuses to open it. */
export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
  readonly kind = 'SchemaTooNew' as const;
  constructor(
    readonly fileVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `the database's schema is at version ${fileVersion}, but this @redress/sqlite supports up to version ${supportedVersion}: upgrade @redress/sqlite (the file was left untouched)`,
    );
  }
}

/** An argument the store cannot act on: nothing was written. */
export class StoreInputError extends Error {
  override readonly name = 'StoreInputError';
  readonly kind = 'StoreInput' as const;
  constructor(
    readonly argument: string,
    problem: string,
  ) {
    super(`${argument}: ${problem}`);
  }
}
