/** The typed refusal of a customer profile command: which rule refused it, and why. */
import { RedressError } from '../errors/errors.js';
import type { CustomerProfileCommandType } from './schema.js';

/**
 * A customer profile command refused by one of its rules (see rules.ts): no profile yet,
 * an organisation-only field on a person, a tag already in force, an unknown site…
 * Nothing was written.
 */
export class CustomerProfileRefusedError extends RedressError {
  /**
   * Always `'CustomerProfileRefused'`: switch on this rather than `instanceof`, which fails when two builds
   * of Redress (ESM and CommonJS) meet in one process.
   */
  readonly kind = 'CustomerProfileRefused' as const;
  /**
   * The class name as a string, so logs and `String(error)` still name it after a bundler renames the class.
   */
  override readonly name = 'CustomerProfileRefusedError';
  constructor(
    /** The command that was refused. */
    readonly commandType: CustomerProfileCommandType,
    /** The customer it named. */
    readonly customerReference: string,
    /** The rule that refused it: its name (stable, for code) and a readable message. */
    readonly rule: { readonly name: string; readonly message: string },
  ) {
    super(`${commandType} refused for customer ${customerReference}: ${rule.message} (rule ${rule.name})`);
  }
}
