/**
 * What an erased personal field reads as. Every personal field of an erased subject's
 * events holds this one string, so a projection, a report or a SQL read model shows
 * it like any text and code that cares asks `isErased`.
 */

/** The value of a personal field whose subject's keys were destroyed. */
export const ERASED = '[erased]';
/** The type of `ERASED`, for fields that may hold it. */
export type Erased = typeof ERASED;

/** True for a personal field whose data was erased. */
export const isErased = (value: unknown): value is Erased => value === ERASED;
