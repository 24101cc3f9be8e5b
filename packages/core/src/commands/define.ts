/**
 * The shape every command shares: its type, the complaint, the actor and the optional
 * idempotency, correlation and concurrency fields, around its own `data`. In its own
 * module so the commands of each concept (ownership, promises…) are defined beside it.
 */
import { z } from 'zod';
import { actorSchema, idSchema } from '../domain/primitives.js';

export const envelope = {
  complaintId: idSchema,
  actor: actorSchema,
  /** Idempotency key: executing a command id again returns the first result and writes nothing. */
  commandId: idSchema.optional(),
  /** Ties together every command and event of one business flow; defaults to the command id. */
  correlationId: idSchema.optional(),
  /** The stream version the caller last saw; a mismatch is a concurrency conflict. */
  expectedVersion: z.int().min(0).optional(),
};

export const define = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), ...envelope, data });

