/** A domain event's schema: its type and its data (the store adds the envelope). */
import { z } from 'zod';

export const define = <T extends string, D extends z.ZodType>(type: T, data: D) => z.strictObject({ type: z.literal(type), data });
