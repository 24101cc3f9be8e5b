/** Data paths: what a pattern finds, and taking values out and putting them back without touching the input. */
import { describe, expect, it } from 'vitest';
import { concretePaths, patternProblem, valueAt, withoutPaths, withValues } from './paths.js';
import { DEFAULT_PERSONAL_DATA, personalDataMap } from './personal-data.js';

const data = { survey: { comment: 'c', ratings: [{ comment: 'r0' }, { score: 2 }, { comment: 'r2' }] }, customer: 'not an object', list: [1] };

describe('concretePaths', () => {
  it('expands [] over lists, skips absent values and parents of another shape', () => {
    expect(concretePaths(data, 'survey.ratings[].comment')).toEqual(['survey.ratings[0].comment', 'survey.ratings[2].comment']);
    expect(concretePaths(data, 'customer.name')).toEqual([]);
    expect(concretePaths(data, 'list[].x')).toEqual([]);
    expect(concretePaths(data, 'survey.comment')).toEqual(['survey.comment']);
    expect(concretePaths({ a: undefined }, 'a')).toEqual([]);
    expect(concretePaths({ a: null }, 'a')).toEqual(['a']);
    expect(concretePaths(Object.create({ inherited: 'x' }), 'inherited')).toEqual([]);
  });
  it('reads values at concrete paths', () => {
    expect(valueAt(data, 'survey.ratings[2].comment')).toBe('r2');
  });
});

describe('withoutPaths and withValues', () => {
  it('remove and restore without changing the input', () => {
    const frozen = structuredClone(data);
    const paths = ['survey.comment', 'survey.ratings[0].comment'];
    const without = withoutPaths(data, paths);
    expect(without).toEqual({ ...data, survey: { ratings: [{}, { score: 2 }, { comment: 'r2' }] } });
    expect(withValues(without, paths, ['c', 'r0'])).toEqual(data);
    expect(data).toEqual(frozen);
  });
  it('refuse to restore under a parent that is gone', () => {
    expect(withValues({ survey: 'x' }, ['survey.comment'], ['c'])).toBeUndefined();
    expect(withValues({}, ['survey.ratings[0].comment'], ['c'])).toBeUndefined();
  });
});

describe('patterns', () => {
  it.each([
    ['a..b', /expected keys/],
    ['a[]', /must end with a key/],
    ['$personal.x', /encrypted blob/],
    ['__proto__.x', /not data keys/],
    ['a.constructor', /not data keys/],
    ['a[0].b', /expected keys/],
  ])('refuses %s', (pattern, why) => {
    expect(patternProblem(pattern)).toMatch(why);
  });
});

describe('personalDataMap', () => {
  it('adds and removes paths, keeping the defaults otherwise', () => {
    const map = personalDataMap({ add: { CauseIdentified: ['findings'], SurveyTaken: ['comment'] }, remove: { ComplaintReceived: ['source.note'] } });
    expect(map.CauseIdentified).toEqual(['findings']);
    expect(map.SurveyTaken).toEqual(['comment']);
    expect(map.ComplaintReceived).toEqual(DEFAULT_PERSONAL_DATA.ComplaintReceived!.filter((p) => p !== 'source.note'));
    expect(map.NoteAdded).toEqual(['text']);
    expect(Object.isFrozen(map) && Object.isFrozen(map.NoteAdded)).toBe(true);
  });
  it('drops a type left with no path', () => {
    expect(personalDataMap({ remove: { NoteAdded: ['text'] } })).not.toHaveProperty('NoteAdded');
  });
  it('refuses to remove a path the base does not list, and malformed paths', () => {
    expect(() => personalDataMap({ remove: { ComplaintReceived: ['customer.nmae'] } })).toThrow(/cannot remove ComplaintReceived customer.nmae/);
    expect(() => personalDataMap({ add: { NoteAdded: ['text[]'] } })).toThrow(/NoteAdded "text\[\]": must end with a key/);
  });
  it('marks the customer block, the vehicle identifier and the free texts of complaint events personal by default', () => {
    expect(DEFAULT_PERSONAL_DATA.ComplaintReceived).toEqual(expect.arrayContaining(['customer.name', 'customer.phone', 'product.identifier', 'description', 'demand']));
    expect(DEFAULT_PERSONAL_DATA.FollowUpRecorded).toEqual(['comment', 'survey.comment', 'survey.ratings[].comment']);
    expect(DEFAULT_PERSONAL_DATA.CustomerContactLogged).toEqual(['summary']);
    expect(JSON.stringify(DEFAULT_PERSONAL_DATA)).not.toContain('reference');
  });
});
