/**
 * Instants in the SQL read models: one form, UTC with milliseconds
 * (`2026-03-13T18:17:00.000Z`, what `toISOString()` writes), so comparing two as
 * text compares them in time and `ORDER BY` sorts them. Commands may give offsets
 * (`2026-03-14T02:17:00+08:00`, kept as given in the events and the `view` JSON); the
 * columns hold the same instant in UTC. Text that is not an instant is kept as it is.
 */
export function utcInstant(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}
