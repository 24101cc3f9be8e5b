/**
 * The forbidden-phrase checker: every listed phrase is found in its trivial variants
 * (case, full width, whitespace and invisible characters inserted, apostrophes) at its
 * place in the text as written; words that merely contain a phrase are not; and over
 * any text it agrees with an independent regular-expression oracle.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { WorkflowConfigError } from '../errors/errors.js';
import { createPhraseChecker } from './checker.js';
import { DEFAULT_FORBIDDEN_PHRASES, forbiddenPhraseList, type ForbiddenPhrase } from './list.js';

const checker = createPhraseChecker();
const ids = (text: string) => checker.check(text).map((f) => f.id);

describe('the default list', () => {
  it('has the material’s five phrases in English and Chinese', () => {
    const byLocale = (locale: string) => new Set(DEFAULT_FORBIDDEN_PHRASES.filter((p) => p.locale === locale).map((p) => p.id));
    expect([...byLocale('en')].sort()).toEqual(['cannotSolve', 'dontKnow', 'impossible', 'notOurProblem', 'someoneElsesResponsibility']);
    expect(byLocale('zh-CN')).toEqual(byLocale('en'));
  });

  it('finds a phrase at its place in the text, with what to say instead', () => {
    const text = 'Sorry, I don’t know when the part comes.';
    expect(checker.check(text)).toEqual([
      { id: 'dontKnow', phrase: "I don't know", locale: 'en', start: 7, end: 19, found: 'I don’t know', instead: 'Let me find out for you' },
    ]);
    expect(checker.check('您好，这 不 可能，我解决不了。').map((f) => [f.id, f.found])).toEqual([
      ['impossible', '这 不 可能'],
      ['cannotSolve', '我解决不了'],
    ]);
  });

  it('catches case, width, spacing and apostrophe variants, and leaves clean text and mere substrings alone', () => {
    expect(ids('THAT IS IMPOSSIBLE')).toEqual(['impossible']);
    expect(ids('ＴＨＡＴ　ＩＳ　ＩＭＰＯＳＳＩＢＬＥ')).toEqual(['impossible']);
    expect(ids('i dont\u200b know')).toEqual(['dontKnow']);
    expect(ids('I can not solve this')).toEqual(['cannotSolve']);
    expect(ids('We will call you back on Friday with the price.')).toEqual([]);
    // Whole words only for spaced scripts: these contain the letters, not the phrase.
    expect(ids('Hi, don’t know yet?')).toEqual([]);
    expect(ids('that is impossibleness')).toEqual([]);
    // Chinese is written without spaces: a phrase counts anywhere.
    expect(ids('他说我不知道')).toEqual(['dontKnow']);
  });
});

describe('a host’s list', () => {
  it('adds, removes and replaces phrases', () => {
    const own = createPhraseChecker(forbiddenPhraseList({ add: [{ id: 'calmDown', locale: 'en', text: 'calm down' }], remove: ['dontKnow'] }));
    expect(own.check('Calm  down, I don’t know').map((f) => f.id)).toEqual(['calmDown']);
    const only = createPhraseChecker([{ id: 'rules', locale: 'en', text: 'those are the rules' }]);
    expect(only.check('That is impossible: those are the rules').map((f) => f.id)).toEqual(['rules']);
  });

  it('reports positions in UTF-16 units, astral characters included, and sees an astral letter as part of a word', () => {
    const own = createPhraseChecker([{ id: 'noWay', locale: 'en', text: 'no way' }]);
    // 𝐲 (U+1D432, mathematical bold y) folds to y and takes two UTF-16 units.
    expect(own.check('Well, no wa𝐲!')).toEqual([expect.objectContaining({ start: 6, end: 13, found: 'no wa𝐲' })]);
    expect(own.check('𝐀no way')).toEqual([]);
    expect(own.check('no way𝐀')).toEqual([]);
    expect(own.check('\u200bno way\u200b')).toEqual([expect.objectContaining({ start: 1, end: 7 })]);
  });

  it('refuses a malformed phrase, or one that is nothing once normalised, naming it', () => {
    expect(() => createPhraseChecker([{ id: 'x', locale: 'en', text: ' ' }])).toThrow(WorkflowConfigError);
    expect(() => createPhraseChecker([{ id: 'x', locale: 'en', text: "' ’" }])).toThrow(/0\.text: .*only spaces and apostrophes/);
    expect(() => forbiddenPhraseList({ add: [{ id: 'bad id!', locale: 'en', text: 'x' }] })).toThrow(/forbidden-phrase list[\s\S]*10\.id|\.id/);
  });
});

/** Trivial variants of a phrase: case flipped, full-width forms, whitespace and invisible characters between characters. */
const GAPS = ['', '', ' ', '  ', '\t', '\n', '\u3000', '\u00a0', '\u200b'];
const fullWidth = (c: string) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c === ' ' ? '\u3000' : c);
function variant(phrase: ForbiddenPhrase): fc.Arbitrary<string> {
  const chars = [...phrase.text];
  return fc
    .tuple(...chars.map(() => fc.record({ upper: fc.boolean(), wide: fc.boolean(), gap: fc.constantFrom(...GAPS), apostrophe: fc.constantFrom("'", '’', '') })))
    .map((choices) =>
      chars
        .map((c, i) => {
          const { upper, wide, gap, apostrophe } = choices[i] as (typeof choices)[number];
          const cased = c === "'" ? apostrophe : upper ? c.toUpperCase() : c.toLowerCase();
          return (wide ? [...cased].map(fullWidth).join('') : cased) + (i < chars.length - 1 ? gap : '');
        })
        .join(''),
    );
}

const anyPhrase = fc.constantFrom(...DEFAULT_FORBIDDEN_PHRASES);
/** Text around a phrase: letters, digits and punctuation of both languages. */
const filler = fc.string({ unit: fc.constantFrom(...'abc xyz 0123,.!?好的您车辆周五'), maxLength: 20 });

describe('over any text', () => {
  test.prop([anyPhrase.chain((p) => fc.tuple(fc.constant(p), variant(p))), filler, filler])(
    'a listed phrase in any trivial variant is found exactly where it was written',
    ([phrase, written], before, after) => {
      const text = `${before} ${written} ${after}`;
      const start = before.length + 1;
      expect(checker.check(text)).toContainEqual(expect.objectContaining({ id: phrase.id, phrase: phrase.text, start, end: start + written.length, found: written }));
    },
  );

  // The oracle: a regular expression per phrase on the whole text, with ignorable characters allowed between its
  // characters and, for spaced scripts, no word character beside it: written apart from the checker's index mapping.
  const IGNORABLE = "[\\s\\p{Cf}'‘’ʼ`´]*";
  const WORD = '[[\\p{L}\\p{N}\\p{M}]--[\\p{Script=Han}]]';
  const escape = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  const oracle = DEFAULT_FORBIDDEN_PHRASES.map((p) => {
    const chars = [...p.text.toLowerCase()].filter((c) => !/[\s']/.test(c));
    const spaced = /[a-z]/.test(p.text.toLowerCase());
    const body = chars.map(escape).join(IGNORABLE);
    return { id: p.id, regex: new RegExp(spaced ? `(?<!${WORD}\\p{Cf}*)${body}(?!\\p{Cf}*${WORD})` : body, 'gv') };
  });
  function oracleFinds(text: string): string[] {
    const folded = text.normalize('NFKD').toLowerCase();
    const found: string[] = [];
    for (const { id, regex } of oracle) {
      for (let m = regex.exec(folded); m !== null; m = regex.exec(folded)) {
        found.push(`${id}@${m.index}-${m.index + m[0].length}`);
        regex.lastIndex = m.index + 1;
      }
      regex.lastIndex = 0;
    }
    return found.sort();
  }
  // Characters of the phrases, their full-width forms, spaces of every kind and a few others: clean text is common,
  // and so are near misses.
  const alphabet = [...new Set([...DEFAULT_FORBIDDEN_PHRASES.flatMap((p) => [...p.text]), ...'ABXYZ01.,', 'Ｉ', 'Ｔ', '’', ...GAPS.filter(Boolean)])];
  const phraseish = fc.oneof(
    fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 40 }),
    fc.tuple(filler, anyPhrase.chain(variant), filler).map((parts) => parts.join('')),
  );

  test.prop([phraseish], { numRuns: 300 })('the checker finds exactly what the oracle finds, so text without a phrase is clean', (text) => {
    const findings = checker.check(text);
    expect(findings.map((f) => `${f.id}@${f.start}-${f.end}`).sort()).toEqual(oracleFinds(text));
    for (const f of findings) expect(f.found).toBe(text.slice(f.start, f.end));
  });
});
