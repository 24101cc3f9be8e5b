/**
 * The refinement the host's catalogues share (intake criteria, prevention measures,
 * customer tags): an id is listed once, and a repeat is reported at its own path,
 * naming the entry by its noun ("measure price-list is listed twice").
 */
import type { z } from 'zod';

/** A zod `superRefine` check: no two entries of `value[list]` share their `id` field. */
export function listedOnce<L extends string, I extends string>(list: L, id: I, noun: string) {
  return (value: { readonly [K in L]: readonly { readonly [J in I]: string }[] }, ctx: z.RefinementCtx): void => {
    const seen = new Set<string>();
    value[list].forEach((entry, i) => {
      if (seen.has(entry[id])) ctx.addIssue({ code: 'custom', path: [list, i, id], message: `${noun} ${entry[id]} is listed twice` });
      seen.add(entry[id]);
    });
  };
}
