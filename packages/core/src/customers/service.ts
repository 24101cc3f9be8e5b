/**
 * `createCustomerProfiles`: the write and read side of customer profiles, over the same
 * store as the complaints (so the same `protectStore` encrypts their personal fields,
 * the same log feeds every projection, and an erasure covers both).
 *
 * Why not `engine.execute` with a customer stream id: the engine is the complaint
 * decider. Its command union, decision state, state cache, idempotency replay and the
 * workflow machine (the docs' workflow page) are all complaint-shaped; a profile has no
 * step, no SLA clock, no ladder. Putting profile commands in there would give every
 * complaint rule a case for "not a complaint" and every profile command a machine
 * transition it does not have. So profiles are decided here, on their own small fold,
 * as `EraseCustomerData` already is on the same `customer:<reference>` stream; the
 * engine reads a profile only to check a receipt's site and unit (see links.ts).
 */
import type { Actor } from '../domain/primitives.js';
import type { Clock } from '../engine/clock.js';
import { refusalByDirectory, type ActorDirectory } from '../engine/directory.js';
import { nanoidGenerator, type IdGenerator } from '../engine/ids.js';
import type { EventLike, NewEvent, RecordedEvent } from '../events/envelope.js';
import { ForbiddenError, err, ok, type IdempotencyConflictError, type Result, type ValidationError } from '../errors/errors.js';
import { validationErrorFromZod } from '../errors/from-zod.js';
import { isRedressError } from '../errors/is-redress-error.js';
import { isStoreError, type StoreError } from '../errors/store-errors.js';
import type { SubjectErasedError } from '../errors/data-errors.js';
import { customerStreamId } from '../privacy/customer-data/erase-command.js';
import type { Locale } from '../labels/labels.js';
import type { EventStore } from '../store/event-store.js';
import type { CustomerProfileRefusedError } from './errors.js';
import { profileIdempotencyConflict } from './idempotency.js';
import { DEFAULT_CUSTOMER_PROFILE_PERMISSIONS, type CustomerProfilePermissions } from './permissions.js';
import { profileAsOf, type CustomerProfile } from './profile.js';
import { decideProfile } from './rules.js';
import { CUSTOMER_PROFILE_EVENT_SCHEMA_VERSION, customerProfileCommandSchema, type CustomerProfileEvent } from './schema.js';
import { defaultCustomerTagCatalogue, parseCustomerTagCatalogue, type CustomerTagCatalogue } from './tag-catalogue.js';
import { withTagHint } from './tag-hint.js';

/** What `createCustomerProfiles` needs. */
export interface CustomerProfilesOptions {
  /** The complaints' store, behind `protectStore` when personal data is to be encrypted. */
  readonly store: EventStore<EventLike>;
  /** Where every event's time comes from. */
  readonly clock: Clock;
  /** Event and command ids (nanoid by default). */
  readonly ids?: IdGenerator;
  /** The host's directory: with one, claimed roles are checked as the engine checks them. */
  readonly directory?: ActorDirectory;
  /** Rows replacing the default permission table's. */
  readonly permissions?: Partial<CustomerProfilePermissions>;
  /**
   * The tags that may be given without a hint, and their hints (default `defaultCustomerTagCatalogue`: the
   * material's difficult types and the honest customer). Checked when the service is created (a `WorkflowConfigError`).
   */
  readonly tagCatalogue?: CustomerTagCatalogue;
  /** Whose words a catalogue hint is recorded in (default `en`). */
  readonly locale?: Locale;
}

/** What an executed profile command gives back. */
export interface ProfileSuccess {
  /** The customer it acted on. */
  readonly customerReference: string;
  /** The command's id (send it again to retry safely). */
  readonly commandId: string;
  /** The events it appended (on a repeat: those of the first time). */
  readonly events: readonly RecordedEvent<CustomerProfileEvent>[];
  /** The profile after them. */
  readonly profile: CustomerProfile | null;
  /** True when the command id had been executed before: nothing was written. */
  readonly duplicate: boolean;
}

/** Why a profile command was not executed: bad input, a forbidden actor, a profile rule, a command id reused for another command, an erased customer, the store. */
export type ProfileError = ValidationError | ForbiddenError | CustomerProfileRefusedError | IdempotencyConflictError | SubjectErasedError | StoreError;
/** What `execute` returns (never thrown). */
export type ProfileResult = Result<ProfileSuccess, ProfileError>;

/** Customer profiles: execute their commands, read a profile as of any moment. */
export interface CustomerProfiles {
  /** Validates and executes a profile command; a refusal is the result, never thrown. */
  execute(command: unknown): Promise<ProfileResult>;
  /** Like `execute`, recorded as the host's automation (`{ id, role: 'system' }`). */
  automation(id?: string): { execute(command: unknown): Promise<ProfileResult> };
  /** The customer's profile as of `at` (default now); null when none was opened by then. */
  load(customerReference: string, at?: string): Promise<CustomerProfile | null>;
}

/** Creates the profile service over the complaints' store. */
export function createCustomerProfiles(options: CustomerProfilesOptions): CustomerProfiles {
  const { store, clock } = options;
  const ids = options.ids ?? nanoidGenerator;
  const permissions = { ...DEFAULT_CUSTOMER_PROFILE_PERMISSIONS, ...options.permissions };
  const hints = { catalogue: options.tagCatalogue === undefined ? defaultCustomerTagCatalogue : parseCustomerTagCatalogue(options.tagCatalogue), locale: options.locale ?? 'en' };

  async function execute(input: unknown, automation?: Actor): Promise<ProfileResult> {
    const parsed = customerProfileCommandSchema.safeParse(automation ? { ...(input as object), actor: automation } : input);
    if (!parsed.success) return err(validationErrorFromZod(parsed.error));
    const command = parsed.data;
    const { actor } = command;
    if (!permissions[command.type].includes(actor.role) || (actor.role === 'system' && !automation)) {
      return err(new ForbiddenError(command.type, actor, actor.role === 'system' ? 'system acts through automation()' : undefined));
    }
    if (options.directory !== undefined || automation !== undefined) {
      const refusal = await refusalByDirectory(options.directory, command.type, actor, automation !== undefined);
      if (refusal) return err(refusal);
    }
    const { customerReference } = command.data;
    const streamId = customerStreamId(customerReference);
    const commandId = command.commandId ?? ids();
    for (;;) {
      const stream = await store.readStream(streamId);
      const before = profileAsOf(stream);
      const seen = stream.filter((e) => e.causationId === commandId) as RecordedEvent<CustomerProfileEvent>[];
      // A tag's hint is decided here, once, and recorded: replay never reads the catalogue.
      const decidable = withTagHint(command, hints, seen);
      if (!decidable.ok) return decidable;
      if (seen.length > 0) {
        const conflict = profileIdempotencyConflict(streamId, stream, seen, decidable.value, commandId);
        return conflict ? err(conflict) : ok({ customerReference, commandId, events: seen, profile: before, duplicate: true });
      }
      const decided = decideProfile(before, decidable.value);
      if (!decided.ok) return decided;
      const now = clock.now().toISOString();
      const events = decided.value.map(
        (e): NewEvent<CustomerProfileEvent> => ({ ...e, eventId: ids(), occurredAt: now, actor, causationId: commandId, correlationId: commandId, schemaVersion: CUSTOMER_PROFILE_EVENT_SCHEMA_VERSION }),
      );
      try {
        const appended = await store.append(streamId, stream.length === 0 ? 'noStream' : stream.length, events);
        const written = appended.events as RecordedEvent<CustomerProfileEvent>[];
        return ok({ customerReference, commandId, events: written, profile: profileAsOf([...stream, ...written]), duplicate: false });
      } catch (e) {
        // Another writer got in between: decide again on what it wrote.
        if (!isRedressError(e, 'ConcurrencyConflict')) throw e;
      }
    }
  }

  async function guarded(input: unknown, automation?: Actor): Promise<ProfileResult> {
    try {
      return await execute(input, automation);
    } catch (error) {
      if (isStoreError(error)) return err(error);
      // Through a protected store: a personal field for an erased customer is never written.
      if (isRedressError(error, 'SubjectErased')) return err(error);
      throw error;
    }
  }

  return {
    execute: (command) => guarded(command),
    automation: (id = 'system') => ({ execute: (command) => guarded(command, { id, role: 'system' }) }),
    load: async (customerReference, at) => profileAsOf(await store.readStream(customerStreamId(customerReference)), at),
  };
}
