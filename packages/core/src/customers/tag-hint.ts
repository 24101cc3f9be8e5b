/**
 * The hint a `TagDifficultCustomer` records, decided when the command is executed, so that
 * replay never depends on a catalogue that may change: the host's own hint when it gives one;
 * on a repeat of a command id, the hint the first execution recorded (a retry is the same
 * command even if the catalogue changed in between); else the catalogue's hint for the tag, in
 * the service's locale. A tag that is neither in the catalogue nor given a hint is invalid input,
 * refused as a missing field is (a `ValidationError` at `data.hint`), as before the catalogue.
 */
import { ValidationError, err, ok, type Result } from '../errors/errors.js';
import type { Locale } from '../labels/labels.js';
import type { CustomerProfileCommand, DecidableProfileCommand } from './schema.js';
import { customerTagOf, type CustomerTagCatalogue } from './tag-catalogue.js';

/** Where a tag's missing hint comes from: the service's catalogue and locale. */
export interface TagHintSource {
  /** The service's catalogue. */
  readonly catalogue: CustomerTagCatalogue;
  /** The locale whose hint is recorded. */
  readonly locale: Locale;
}

/** `command` with its tag's hint decided (other commands as they are), or why it cannot be. `recorded`: the command id's events, on a repeat. */
export function withTagHint(command: CustomerProfileCommand, source: TagHintSource, recorded: readonly { readonly type: string; readonly data: unknown }[] = []): Result<DecidableProfileCommand, ValidationError> {
  if (command.type !== 'TagDifficultCustomer' || command.data.hint !== undefined) return ok(command as DecidableProfileCommand);
  const first = recorded[0];
  const hint = first?.type === 'DifficultCustomerTagged' ? (first.data as { hint: string }).hint : customerTagOf(source.catalogue, command.data.tag)?.hint[source.locale];
  if (hint !== undefined) return ok({ ...command, data: { ...command.data, hint } });
  const message = `a hint is required: the tag ${command.data.tag} is not in the tag catalogue (${source.catalogue.name}), so there is no hint to record for it`;
  return err(new ValidationError([{ path: 'data.hint', message, code: 'invalid_type' }]));
}
