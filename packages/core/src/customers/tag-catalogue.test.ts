/**
 * The default difficult-customer catalogue through the public API: a default tag without a
 * hint records the catalogue's hint in the service's locale (and replay never reads the
 * catalogue again), a host's hint or a host's own tag works as before, a host tag without a
 * hint is refused as invalid input writing nothing, a host catalogue is validated, and every
 * default tag is labelled in every locale (ids derived from the catalogue).
 */
import { describe, expect, it } from 'vitest';
import {
  createCustomerProfiles,
  CUSTOMER_TAG_KINDS,
  customerTagOf,
  DEFAULT_CUSTOMER_TAGS,
  defaultCustomerTagCatalogue,
  labels,
  LOCALES,
  parseCustomerTagCatalogue,
  type CustomerLabels,
} from '../index.js';
import { actors } from '../test-support/fixtures.js';
import { openPerson, PERSON, profilesWithEngine } from './test-support.js';

const tag = (tagId: string, hint?: string, commandId?: string) => ({
  type: 'TagDifficultCustomer',
  actor: actors.handler,
  ...(commandId ? { commandId } : {}),
  data: { customerReference: PERSON, tag: tagId, reason: 'Argued every diagnosis', ...(hint === undefined ? {} : { hint }) },
});
const catalogueHint = (tagId: string, locale: 'en' | 'zh-CN') => customerTagOf(defaultCustomerTagCatalogue, tagId)?.hint[locale];

describe('the default difficult-customer catalogue', () => {
  it('names the material’s types and the honest customer, each with a hint in English and Chinese', () => {
    expect([...DEFAULT_CUSTOMER_TAGS]).toEqual(['veryExpert', 'stubborn', 'selfImportant', 'talkative', 'unreasonable', 'difficultKeyAccount', 'honest']);
    for (const entry of defaultCustomerTagCatalogue.tags) {
      expect(entry.hint.en.trim(), entry.tag).not.toBe('');
      expect(entry.hint['zh-CN'], entry.tag).toMatch(/\p{Script=Han}/u);
      expect(CUSTOMER_TAG_KINDS).toContain(entry.kind);
    }
    expect(customerTagOf(defaultCustomerTagCatalogue, 'honest')).toMatchObject({ kind: 'valued', hint: { en: expect.stringMatching(/added-value service/), 'zh-CN': expect.stringMatching(/增值服务/) } });
    expect(defaultCustomerTagCatalogue.tags.filter((t) => t.kind === 'difficult').map((t) => t.tag)).toHaveLength(6);
  });

  it('records the catalogue’s hint for a default tag given without one, in the service’s locale', async () => {
    const s = profilesWithEngine();
    await s.profiles.execute(openPerson());
    const tagged = await s.profiles.execute(tag('stubborn'));
    expect(tagged.ok && tagged.value.events.map((e) => e.data)).toEqual([{ customerReference: PERSON, tag: 'stubborn', hint: catalogueHint('stubborn', 'en'), reason: 'Argued every diagnosis' }]);
    expect((await s.profiles.load(PERSON))?.tags.map((t) => [t.tag, t.hint])).toEqual([['stubborn', catalogueHint('stubborn', 'en')]]);

    const zh = profilesWithEngine({ profiles: { locale: 'zh-CN' } });
    await zh.profiles.execute(openPerson());
    await zh.profiles.execute(tag('veryExpert'));
    expect((await zh.profiles.load(PERSON))?.tags[0]?.hint).toBe(catalogueHint('veryExpert', 'zh-CN'));
  });

  it('keeps the hint recorded: a service with another catalogue later reads the same profile', async () => {
    const s = profilesWithEngine();
    await s.profiles.execute(openPerson());
    await s.profiles.execute(tag('talkative', undefined, 'tag-1'));
    const changed = createCustomerProfiles({
      store: s.store,
      clock: s.clock,
      tagCatalogue: { name: 'station', tags: [{ tag: 'talkative', kind: 'difficult', hint: { en: 'Book a long slot', 'zh-CN': '预留较长接待时间' } }] },
    });
    expect((await changed.load(PERSON))?.tags[0]?.hint).toBe(catalogueHint('talkative', 'en'));
    // a retry of the same command id is the same command, whatever the catalogue says now
    const retry = await changed.execute(tag('talkative', undefined, 'tag-1'));
    expect(retry.ok && retry.value.duplicate).toBe(true);
    expect(await s.store.readStream(`customer:${PERSON}`)).toHaveLength(2);
  });

  it('records a host’s own hint for a default tag, and a host’s own tag with its hint, as given', async () => {
    const s = profilesWithEngine();
    await s.profiles.execute(openPerson());
    await s.profiles.execute(tag('unreasonable', 'Two staff present; everything in writing'));
    await s.profiles.execute(tag('media-threat', 'Stay factual'));
    expect((await s.profiles.load(PERSON))?.tags.map((t) => [t.tag, t.hint])).toEqual([
      ['unreasonable', 'Two staff present; everything in writing'],
      ['media-threat', 'Stay factual'],
    ]);
  });

  it('refuses a host’s own tag without a hint as invalid input at data.hint, writing nothing', async () => {
    const s = profilesWithEngine();
    await s.profiles.execute(openPerson());
    const before = await s.store.readStream(`customer:${PERSON}`);
    const refused = await s.profiles.execute(tag('media-threat'));
    expect(!refused.ok && refused.error).toMatchObject({ kind: 'Validation', issues: [{ path: 'data.hint', message: expect.stringMatching(/media-threat.*not in the tag catalogue/) }] });
    // a host catalogue without the default ids: a default id is then a host's tag like any other
    const own = profilesWithEngine({ profiles: { tagCatalogue: { name: 'own', tags: [] } } });
    await own.profiles.execute(openPerson());
    expect(!(await own.profiles.execute(tag('stubborn'))).ok).toBe(true);
    expect(await s.store.readStream(`customer:${PERSON}`)).toEqual(before);
    expect(await own.store.readStream(`customer:${PERSON}`)).toHaveLength(1);
  });

  it('takes a host catalogue: its tags’ hints are recorded, and it is validated with each problem’s path', async () => {
    const station = { name: 'station', tags: [...defaultCustomerTagCatalogue.tags, { tag: 'earlyBird', kind: 'valued', hint: { en: 'Offer the first slot', 'zh-CN': '优先安排首个时段' } }] };
    const s = profilesWithEngine({ profiles: { tagCatalogue: parseCustomerTagCatalogue(station), locale: 'zh-CN' } });
    await s.profiles.execute(openPerson());
    await s.profiles.execute(tag('earlyBird'));
    expect((await s.profiles.load(PERSON))?.tags[0]?.hint).toBe('优先安排首个时段');
    const honest = { tag: 'honest', kind: 'valued', hint: { en: 'x', 'zh-CN': 'y' } };
    expect(() => parseCustomerTagCatalogue({ name: 'bad', tags: [honest, { tag: 'rude', kind: 'rude', hint: { en: 'x' } }] })).toThrow(
      expect.objectContaining({ name: 'WorkflowConfigError', issues: [{ path: 'tags.1.kind', message: expect.any(String) }, { path: 'tags.1.hint.zh-CN', message: expect.any(String) }] }),
    );
    expect(() => parseCustomerTagCatalogue({ name: 'twice', tags: [honest, honest] })).toThrow(expect.objectContaining({ issues: [{ path: 'tags.1.tag', message: 'tag honest is listed twice' }] }));
    expect(() => createCustomerProfiles({ store: s.store, clock: s.clock, tagCatalogue: { name: 'bad', tags: [{ tag: '', kind: 'difficult', hint: { en: 'x', 'zh-CN': 'y' } }] } })).toThrow(/invalid customer tag catalogue/);
  });
});

describe('default tag labels', () => {
  // Derived from the catalogue itself: a default tag added without its label fails here (and in the type below).
  it.each(LOCALES)('%s labels every default tag and tag kind', (locale) => {
    const l = labels(locale).customers;
    expect(Object.keys(l.tags).sort()).toEqual(defaultCustomerTagCatalogue.tags.map((t) => t.tag).sort());
    for (const entry of defaultCustomerTagCatalogue.tags) expect(l.tags[entry.tag]?.trim() ?? '', entry.tag).not.toBe('');
    expect(Object.keys(l.tagKinds).sort()).toEqual([...CUSTOMER_TAG_KINDS].sort());
    if (locale === 'zh-CN') for (const value of [...Object.values(l.tags), ...Object.values(l.tagKinds)]) expect(value).toMatch(/\p{Script=Han}/u);
  });

  it('takes a host’s own tags beside the defaults, and a table missing a default does not compile', () => {
    const en = labels('en').customers;
    const own: CustomerLabels = { ...en, tags: { ...en.tags, 'media-threat': 'Media threat' } };
    expect(own.tags['media-threat']).toBe('Media threat');
    expect(own.tags['unknown']).toBeUndefined();
    // @ts-expect-error a table without a default tag's label does not compile
    const missing: CustomerLabels['tags'] = { veryExpert: 'Very expert' };
    expect(missing['honest']).toBeUndefined();
  });
});
