/**
 * The form phrases are compared in, so trivial variants of a forbidden phrase are
 * caught: compatibility forms folded (full-width `ＩＴ` is `it`, an ideographic space a
 * space: NFKD), lower case, and whitespace, invisible format characters (zero-width
 * spaces, soft hyphens) and apostrophes dropped, so "I  don’t\nknow", "I dont know" and
 * "我 不 知道" all read as the phrase.
 *
 * Each code point is folded on its own, and every character of the result remembers
 * the span of the text it came from, so a match is reported at its place in the text
 * the host gave, not in the folded one. Both the phrases and the text go through here,
 * so whatever the folding does, it does to both.
 */

/** Characters that never count: whitespace, format characters (zero-width, soft hyphen, BOM) and apostrophes. */
const IGNORED = /[\s\p{Cf}'‘’ʼ`´]/u;

/** Text in compared form, with where each of its characters came from. */
export interface Normalised {
  /** The compared form. */
  readonly text: string;
  /** For each character of `text`, the start of the code point it came from in the original (UTF-16 index). */
  readonly from: readonly number[];
  /** For each character of `text`, the end of that code point in the original. */
  readonly to: readonly number[];
}

/** The compared form of `original`, with the origin of each character. */
export function normalise(original: string): Normalised {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  for (const point of original) {
    const end = index + point.length;
    for (const char of point.normalize('NFKD').toLowerCase()) {
      if (IGNORED.test(char)) continue;
      text += char;
      for (let i = 0; i < char.length; i++) {
        from.push(index);
        to.push(end);
      }
    }
    index = end;
  }
  return { text, from, to };
}
