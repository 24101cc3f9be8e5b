/**
 * The forbidden-phrase checker: where in a customer-facing text a listed phrase
 * occurs, in any trivial variant (normalise.ts), reported at its place in the text as
 * given. Phrases of scripts written with spaces (English) match whole words only, so
 * "I don't know" is not found in "Hi, don't know…" once spaces stop counting; phrases
 * of scripts without them (Chinese) match anywhere.
 */
import { WorkflowConfigError } from '../errors/errors.js';
import { DEFAULT_FORBIDDEN_PHRASES, forbiddenPhraseList, type ForbiddenPhrase } from './list.js';
import { normalise } from './normalise.js';

/** One forbidden phrase found in a text. */
export interface PhraseFinding {
  /** The phrase's id (shared by its variants and translations). */
  readonly id: string;
  /** The listed phrase that matched, as the list words it. */
  readonly phrase: string;
  /** The listed phrase's locale. */
  readonly locale: string;
  /** Where the match starts in the text checked (UTF-16 index, as `String.prototype.slice` counts). */
  readonly start: number;
  /** Where it ends (exclusive). */
  readonly end: number;
  /** The text as written there: `text.slice(start, end)`. */
  readonly found: string;
  /** What to say instead, when the list says. */
  readonly instead?: string;
}

/** Checks customer-facing text against one list of forbidden phrases. */
export interface PhraseChecker {
  /** The list it checks against, validated. */
  readonly phrases: readonly ForbiddenPhrase[];
  /** Every occurrence of a listed phrase in `text`, by position (then list order); empty for clean text. */
  check(text: string): readonly PhraseFinding[];
}

/** Scripts written without spaces between words: a phrase in them may start or end anywhere. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORDLIKE = /[\p{L}\p{N}\p{M}]/u;
const FORMAT = /\p{Cf}/u;
/** A character that continues a word of a spaced script, so a whole-word match cannot begin or end beside it. */
const joinsWord = (char: string) => WORDLIKE.test(char) && !UNSPACED.test(char);

const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** The code point before `index`, skipping invisible format characters; '' at the start. */
function pointBefore(text: string, index: number): string {
  for (let i = index; i > 0; ) {
    const j = i >= 2 && isLow(text.charCodeAt(i - 1)) ? i - 2 : i - 1;
    const point = text.slice(j, i);
    if (!FORMAT.test(point)) return point;
    i = j;
  }
  return '';
}

/** The code point at `index`, skipping invisible format characters; '' at the end. */
function pointAfter(text: string, index: number): string {
  for (let i = index; i < text.length; ) {
    const point = String.fromCodePoint(text.codePointAt(i) ?? 0);
    if (!FORMAT.test(point)) return point;
    i += point.length;
  }
  return '';
}

interface Compiled extends ForbiddenPhrase {
  readonly folded: string;
  readonly wholeWordStart: boolean;
  readonly wholeWordEnd: boolean;
}

function compile(phrases: readonly ForbiddenPhrase[]): Compiled[] {
  const issues: { path: string; message: string }[] = [];
  const compiled = phrases.map((p, i) => {
    const folded = normalise(p.text).text;
    if (folded === '') issues.push({ path: `${i}.text`, message: `"${p.text}" is only spaces and apostrophes once normalised: it would match everywhere` });
    const first = [...folded][0] ?? '';
    const last = [...folded].at(-1) ?? '';
    return { ...p, folded, wholeWordStart: joinsWord(first), wholeWordEnd: joinsWord(last) };
  });
  if (issues.length > 0) throw new WorkflowConfigError('forbidden-phrase list', issues);
  return compiled;
}

/**
 * A checker for `phrases` (default `DEFAULT_FORBIDDEN_PHRASES`; build yours with `forbiddenPhraseList`). Throws a
 * `WorkflowConfigError` naming each phrase that is malformed or normalises to nothing.
 */
export function createPhraseChecker(phrases: readonly ForbiddenPhrase[] = DEFAULT_FORBIDDEN_PHRASES): PhraseChecker {
  const list = phrases === DEFAULT_FORBIDDEN_PHRASES ? phrases : forbiddenPhraseList({ base: phrases });
  const compiled = compile(list);
  return {
    phrases: list,
    check(text) {
      const n = normalise(text);
      const findings: (PhraseFinding & { order: number })[] = [];
      compiled.forEach((p, order) => {
        for (let at = n.text.indexOf(p.folded); at !== -1; at = n.text.indexOf(p.folded, at + 1)) {
          const start = n.from[at] as number;
          const end = n.to[at + p.folded.length - 1] as number;
          if (p.wholeWordStart && joinsWord(pointBefore(text, start))) continue;
          if (p.wholeWordEnd && joinsWord(pointAfter(text, end))) continue;
          findings.push({ id: p.id, phrase: p.text, locale: p.locale, start, end, found: text.slice(start, end), ...(p.instead ? { instead: p.instead } : {}), order });
        }
      });
      findings.sort((a, b) => a.start - b.start || a.order - b.order);
      return findings.map(({ order: _order, ...finding }) => finding);
    },
  };
}
