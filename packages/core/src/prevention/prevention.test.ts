/**
 * The cause → prevention catalogue through the public API: measures suggested by cause,
 * a chosen measure recorded beside the preventive action (at any step it is allowed, and
 * at archive), unknown measures refused naming the catalogue's, a host's own catalogue;
 * and over any sequence of preventive actions, the log and the ticket agree.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { CommandInput, CommandType } from '../commands/schema.js';
import { CAUSES, type Cause } from '../domain/vocabulary.js';
import { WorkflowConfigError } from '../errors/errors.js';
import { actors, commandOf } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';
import { defaultPreventionCatalogue, parsePreventionCatalogue, suggestedMeasures, type PreventionCatalogue } from './catalogue.js';

const ID = 'c-1';
const TO_FOLLOW_UP: readonly CommandType[] = ['ConfirmComplaint', 'ClassifyComplaint', 'StartInvestigation', 'IdentifyCause', 'AttributeResponsibility', 'ProposeResolution', 'StartExecution', 'CompleteExecution', 'RecordFollowUp'];

async function investigated(cause: Cause = 'price', prevention?: PreventionCatalogue, through = 4) {
  const t = testEngine(prevention ? { prevention } : {});
  await t.engine.executeOrThrow({ ...commandOf('ReceiveComplaint', ID, NOW, 0), actor: actors.frontDesk });
  for (const type of TO_FOLLOW_UP.slice(0, through)) {
    const c = commandOf(type, ID, NOW, 0);
    const data = type === 'ClassifyComplaint' ? { severity: 'general' } : type === 'IdentifyCause' ? { cause, findings: 'Found it' } : c.data;
    await t.engine.executeOrThrow({ ...c, data } as CommandInput);
  }
  const record = (data: object) => t.engine.execute({ type: 'RecordPreventiveAction', complaintId: ID, actor: actors.handler, data } as CommandInput);
  const log = async () => (await t.store.readStream(ID, 1)).map((e) => e.type);
  const ticket = () => t.engine.view(t.tickets).get(ID);
  return { ...t, record, log, ticket };
}

describe('the default catalogue', () => {
  it('suggests the material’s measures for their causes, and something for every cause', () => {
    expect(suggestedMeasures('price').map((m) => m.id)).toContain('transparentPrices');
    expect(suggestedMeasures('repairDuration').map((m) => m.id)).toContain('shorterRepairCycles');
    expect(suggestedMeasures(null)).toEqual([]);
    for (const cause of CAUSES) expect(suggestedMeasures(cause).length, cause).toBeGreaterThan(0);
    for (const m of defaultPreventionCatalogue.measures) expect(m.title['zh-CN']).toMatch(/\p{Script=Han}/u);
  });

  it('refuses a host catalogue with a measure listed twice or no cause, naming the problem', () => {
    const twice = { name: 'mine', measures: [1, 2].map(() => ({ id: 'a', causes: ['price'], title: { en: 'A', 'zh-CN': '甲' } })) };
    expect(() => parsePreventionCatalogue(twice)).toThrow(WorkflowConfigError);
    expect(() => parsePreventionCatalogue(twice)).toThrow(/measures\.1\.id: measure a is listed twice/);
    expect(() => parsePreventionCatalogue({ name: 'mine', measures: [{ id: 'a', causes: [], title: { en: 'A', 'zh-CN': '甲' } }] })).toThrow(/at least one cause/);
  });
});

describe('choosing a measure', () => {
  it('records it beside the action, suggested for the complaint’s cause or not', async () => {
    const s = await investigated('price');
    const chosen = await s.record({ action: 'Prices on the board at reception', measure: 'transparentPrices' });
    expect(chosen.ok && chosen.value.events.map((e) => [e.type, e.data])).toEqual([
      ['PreventiveActionRecorded', { action: 'Prices on the board at reception' }],
      ['PreventiveMeasureChosen', { measureId: 'transparentPrices', catalogue: 'default', cause: 'price', suggested: true }],
    ]);
    expect(s.ticket()).toMatchObject({ preventiveAction: 'Prices on the board at reception', preventiveMeasure: 'transparentPrices' });
    const other = await s.record({ action: 'Train the front desk', measure: 'serviceEtiquetteTraining' });
    expect(other.ok && other.value.events[1]?.data).toMatchObject({ suggested: false });
    await s.record({ action: 'Something of our own' });
    expect(s.ticket()).toMatchObject({ preventiveAction: 'Something of our own', preventiveMeasure: null });
  });

  it('refuses a measure the catalogue does not have, naming the ones it has, and writes nothing', async () => {
    const s = await investigated();
    const before = (await s.log()).length;
    const result = await s.record({ action: 'x', measure: 'freeCoffee' });
    expect(!result.ok && result.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'measureInCatalogue' } });
    expect(!result.ok && result.error.message).toMatch(/no measure freeCoffee in prevention catalogue default \(it has transparentPrices, quoteBeforeWork/);
    expect((await s.log()).length).toBe(before);
  });

  it('at archive: the measure comes with the action it describes', async () => {
    const s = await investigated('repairDuration', undefined, 9);
    const archive = (data: object) => s.engine.execute({ type: 'ArchiveComplaint', complaintId: ID, actor: actors.handler, data } as CommandInput);
    // An action recorded earlier lets the complaint archive; a measure alone would describe nothing.
    await s.record({ action: 'Recorded during the follow-up' });
    const alone = await archive({ preventiveMeasure: 'shorterRepairCycles' });
    expect(!alone.ok && alone.error).toMatchObject({ rule: { name: 'measureInCatalogue' } });
    const unknown = await archive({ preventiveAction: 'x', preventiveMeasure: 'nope' });
    expect(!unknown.ok && unknown.error).toMatchObject({ rule: { name: 'measureInCatalogue' } });
    const done = await archive({ preventiveAction: 'Express bay for small jobs', preventiveMeasure: 'shorterRepairCycles' });
    expect(done.ok && done.value.events.map((e) => e.type)).toEqual(['PreventiveActionRecorded', 'PreventiveMeasureChosen', 'ComplaintArchived']);
    expect(s.ticket()).toMatchObject({ step: 'archived', preventiveMeasure: 'shorterRepairCycles' });
  });

  it('checks against the host’s catalogue when it has one', async () => {
    const mine = parsePreventionCatalogue({ name: 'station-7', measures: [{ id: 'coffeeCorner', causes: ['environment'], title: { en: 'A coffee corner', 'zh-CN': '咖啡角' } }] });
    const s = await investigated('environment', mine);
    expect((await s.record({ action: 'x', measure: 'transparentPrices' })).ok).toBe(false);
    const ok = await s.record({ action: 'A coffee corner by the window', measure: 'coffeeCorner' });
    expect(ok.ok && ok.value.events[1]?.data).toEqual({ measureId: 'coffeeCorner', catalogue: 'station-7', cause: 'environment', suggested: true });
  });
});

const ids = defaultPreventionCatalogue.measures.map((m) => m.id);
describe('over any sequence of preventive actions', () => {
  test.prop([fc.constantFrom(...CAUSES), fc.array(fc.option(fc.constantFrom(...ids, 'unknownMeasure'), { nil: undefined }), { maxLength: 8 })], { numRuns: 40 })(
    'a measure is chosen only right after its action, suggested exactly when it lists the cause, and the ticket shows the latest',
    async (cause, measures) => {
      const s = await investigated(cause);
      let latest: string | null = null;
      for (const measure of measures) {
        const result = await s.record({ action: `Action ${measure ?? 'own'}`, ...(measure === undefined ? {} : { measure }) });
        expect(result.ok).toBe(measure !== 'unknownMeasure');
        if (result.ok) latest = measure ?? null;
      }
      expect(s.ticket()?.preventiveMeasure).toBe(latest);
      const log = await s.store.readStream(ID, 1);
      log.forEach((e, i) => {
        if (e.type !== 'PreventiveMeasureChosen') return;
        expect(log[i - 1]?.type).toBe('PreventiveActionRecorded');
        const m = defaultPreventionCatalogue.measures.find((x) => x.id === e.data.measureId);
        expect(e.data.suggested).toBe(m?.causes.includes(cause));
      });
    },
  );
});
