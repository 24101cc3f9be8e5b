/**
 * The opt-in rule through the public API: customer-facing text with a forbidden phrase
 * is refused (naming each phrase and the field it is in, writing nothing); internal
 * notes, clean text and engines without the rule are not affected. Every free text of
 * every command is sorted below into what reaches the customer (each refused through
 * the engine) and what stays internal, so a command or field added without being sorted
 * fails here.
 */
import { describe, expect, it } from 'vitest';
import { commandSchema, type Command, type CommandInput, type CommandType } from '../commands/schema.js';
import { longTextSchema, type Actor } from '../domain/primitives.js';
import { actors, allowedActor, commandOf, fullAcknowledgement, happyPath } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';
import { createPhraseChecker } from './checker.js';
import { forbiddenPhraseList } from './list.js';
import { CUSTOMER_FACING_COMMANDS, customerFacingTexts, forbiddenPhraseRule } from './rule.js';

const ID = 'c-1';
const LATER = '2026-11-30T09:00:00.000Z';

async function setup(rules = [forbiddenPhraseRule()], given: readonly Command[] = [commandOf('ReceiveComplaint', ID, NOW, 0, actors.frontDesk)]) {
  const t = testEngine({ rules });
  for (const command of given) await t.engine.executeOrThrow(command);
  const run = (type: string, data: object, actor: Actor = actors.handler) => t.engine.execute({ type, complaintId: ID, actor, data } as CommandInput);
  const logLength = async () => (await t.store.readStream(ID, 1)).length;
  return { ...t, run, logLength };
}

const messageOf = (result: Awaited<ReturnType<Awaited<ReturnType<typeof setup>>['run']>>) =>
  !result.ok && result.error.kind === 'IllegalCommand' ? (result.error.rule?.message ?? '') : '';

describe('the forbidden-phrase rule', () => {
  it('refuses a customer-facing note naming every phrase found, and writes nothing', async () => {
    const s = await setup();
    const before = await s.logLength();
    const result = await s.run('AddNote', { text: 'Sorry, I dont know. That is IMPOSSIBLE.', visibility: 'customer' });
    expect(!result.ok && result.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'noForbiddenPhrases' } });
    const message = messageOf(result);
    expect(message).toContain('in data.text: "I dont know" (dontKnow, at 7-18; say "Let me find out for you" instead)');
    expect(message).toContain('"That is IMPOSSIBLE" (impossible, at 20-38');
    expect(await s.logLength()).toBe(before);
  });

  it('reads progress notices and promise explanations, not internal notes or clean text', async () => {
    const s = await setup();
    const notice = await s.run('SendProgressNotice', { channel: 'sms', contentRef: 'sms-1', summary: '这不可能今天修好' });
    expect(!notice.ok && notice.error).toMatchObject({ rule: { name: 'noForbiddenPhrases' } });
    expect((await s.run('SendProgressNotice', { channel: 'sms', contentRef: 'sms-2', summary: '配件周五到，我们会尽快修好' })).ok).toBe(true);
    expect((await s.run('SendProgressNotice', { channel: 'sms', contentRef: 'sms-3' })).ok).toBe(true);
    expect((await s.run('AddNote', { text: 'Customer said: I don’t know the mileage', visibility: 'internal' })).ok).toBe(true);
    await s.run('MakePromise', { kind: 'visit', due: '2026-12-30T00:00:00Z', description: 'A visit' });
    const explain = await s.run('ExplainPromiseBreak', { promiseId: 'promise-1', channel: 'phone', explanation: 'That is not my responsibility' });
    expect(!explain.ok && explain.error).toMatchObject({ rule: { name: 'noForbiddenPhrases' } });
  });

  it('checks every customer-facing text of a command, and names the field of each phrase', async () => {
    const s = await setup();
    const before = await s.logLength();
    const words = { ...fullAcknowledgement, words: 'Thank you for telling us; we will look at it today' };
    // The summary read back is clean: the phrase is in the acknowledgement's words, the second text.
    const second = await s.run('ConfirmComplaint', { summary: 'Rattling noise from the engine bay', acknowledgement: { ...words, words: 'Thank you, but that is the supplier’s problem' } });
    expect(messageOf(second)).toMatch(/^customer-facing text contains forbidden phrases \(禁语\): in data\.acknowledgement\.words: "that is the supplier’s problem" \(notOurProblem, at 15-/);
    const both = await s.run('ConfirmComplaint', { summary: '我不知道 why it rattles', acknowledgement: { ...words, words: 'I can’t solve this' } });
    expect(messageOf(both)).toContain('in data.summary: "我不知道" (dontKnow, at 0-4');
    expect(messageOf(both)).toContain('; in data.acknowledgement.words: "I can’t solve this" (cannotSolve, at 0-18');
    expect(await s.logLength()).toBe(before);
    expect((await s.run('ConfirmComplaint', { summary: 'Rattling noise from the engine bay', acknowledgement: words })).ok).toBe(true);
  });

  it('checks against the host’s list, and is off unless the host adds it', async () => {
    const own = await setup([forbiddenPhraseRule(createPhraseChecker(forbiddenPhraseList({ base: [], add: [{ id: 'calmDown', locale: 'en', text: 'calm down' }] })))]);
    expect((await own.run('AddNote', { text: 'That is impossible', visibility: 'customer' })).ok).toBe(true);
    expect((await own.run('AddNote', { text: 'Please CALM down', visibility: 'customer' })).ok).toBe(false);
    const none = await setup([]);
    expect((await none.run('AddNote', { text: 'That is impossible', visibility: 'customer' })).ok).toBe(true);
  });

  it('gives every text of a command that reaches the customer, with its field', () => {
    const note = (visibility: 'internal' | 'customer'): Command => ({ type: 'AddNote', complaintId: ID, actor: actors.handler, data: { text: 'hello', visibility } });
    expect(customerFacingTexts(note('customer'))).toEqual([{ field: 'data.text', text: 'hello' }]);
    expect(customerFacingTexts(note('internal'))).toEqual([]);
    expect(customerFacingTexts(commandOf('LogCustomerContact', ID, NOW))).toEqual([]);
    const confirm: Command = { type: 'ConfirmComplaint', complaintId: ID, actor: actors.handler, data: { summary: 'Noise', acknowledgement: { ...fullAcknowledgement, words: 'Thank you' } } };
    expect(customerFacingTexts(confirm)).toEqual([
      { field: 'data.summary', text: 'Noise' },
      { field: 'data.acknowledgement.words', text: 'Thank you' },
    ]);
    expect(customerFacingTexts(commandOf('OfferResolutionOptions', ID, NOW)).map((t) => t.field)).toEqual(['data.options.0.remedy.description', 'data.options.1.remedy.description']);
  });
});

/**
 * The free texts (long-text fields) of every command, `Type data.path`, arrays as `*`: what the table below must
 * sort. Walks the zod schemas themselves, so a new command or field shows up here.
 */
function freeTexts(): string[] {
  interface Def {
    readonly type: string;
    readonly innerType?: unknown;
    readonly in?: unknown;
    readonly element?: unknown;
    readonly shape?: Readonly<Record<string, unknown>>;
    readonly options?: readonly unknown[];
  }
  const walk = (node: unknown, path: string): string[] => {
    if (node === longTextSchema) return [path];
    const def = (node as { readonly _zod: { readonly def: Def } })._zod.def;
    switch (def.type) {
      case 'optional':
      case 'default':
      case 'nullable':
        return walk(def.innerType, path);
      case 'pipe':
        return walk(def.in, path);
      case 'object':
        return Object.entries(def.shape ?? {}).flatMap(([key, value]) => walk(value, `${path}.${key}`));
      case 'array':
        return walk(def.element, `${path}.*`);
      case 'union':
        return (def.options ?? []).flatMap((option) => walk(option, path));
      case 'string':
      case 'literal':
      case 'enum':
      case 'number':
      case 'boolean':
        return [];
      default:
        throw new Error(`freeTexts: teach the walk the zod type ${def.type} (at ${path})`);
    }
  };
  return commandSchema.options.flatMap((option) => walk(option.shape.data, 'data').map((path) => `${option.shape.type.value} ${path}`));
}

/** One customer-facing text: the command and field, what must happen first, and the command's data around `text`. */
interface CustomerFacingField {
  readonly type: CommandType;
  readonly field: string;
  /** The field as the refusal names it (an array's index given). */
  readonly named?: string;
  readonly given: readonly Command[];
  readonly data: (text: string) => object;
}

const path = happyPath(ID, NOW);
/** The happy path's first `n` commands: 1 is received, 6 investigated and attributed, 9 carried out (following up). */
const after = (n: number, ...more: Command[]): Command[] => [...path.slice(0, n), ...more];
const remedy = (description: string) => ({ kind: 'freeRepair', description });

/** Every text the customer hears or reads (the material: what staff say and write to the customer). */
const CUSTOMER_FACING: readonly CustomerFacingField[] = [
  // What the receiver said to the customer (behaviours 1-4: thank, appreciate, apologise, promise).
  { type: 'ReceiveComplaint', field: 'data.acknowledgement.words', given: [], data: (words) => ({ ...commandOf('ReceiveComplaint', ID, NOW).data, acknowledgement: { ...fullAcknowledgement, words } }) },
  // Step 2: the complaint is read back to the customer, with the acknowledgement if it was left for now.
  { type: 'ConfirmComplaint', field: 'data.summary', given: after(1), data: (summary) => ({ summary }) },
  { type: 'ConfirmComplaint', field: 'data.acknowledgement.words', given: after(1), data: (words) => ({ summary: 'Noise from the engine bay', acknowledgement: { ...fullAcknowledgement, words } }) },
  // The promise as told to the customer, and why it cannot be kept.
  { type: 'MakePromise', field: 'data.description', given: after(1), data: (description) => ({ kind: 'visit', due: LATER, description }) },
  { type: 'ExplainPromiseBreak', field: 'data.explanation', given: after(1, commandOf('MakePromise', ID, NOW)), data: (explanation) => ({ promiseId: 'promise-1', channel: 'phone', explanation }) },
  // The remedy: told to the customer at execution, and what the written notice they sign for states (the notice copies it).
  { type: 'ProposeResolution', field: 'data.remedy.description', given: after(6), data: (description) => ({ remedy: remedy(description), agreedDeadline: LATER }) },
  // The options offered to the customer to choose from (each one read: the phrase is in the second).
  {
    type: 'OfferResolutionOptions',
    field: 'data.options.*.remedy.description',
    named: 'data.options.1.remedy.description',
    given: after(6),
    data: (description) => ({ options: [{ optionId: 'repair', remedy: remedy('Repair for free') }, { optionId: 'replace', remedy: { ...remedy(description), kind: 'replacement' } }] }),
  },
  // A note marked for the customer, and the updates sent to them.
  { type: 'AddNote', field: 'data.text', given: after(1), data: (text) => ({ text, visibility: 'customer' }) },
  { type: 'SendProgressNotice', field: 'data.summary', given: after(1), data: (summary) => ({ channel: 'sms', contentRef: 'sms-1', summary }) },
  { type: 'SendResultFeedback', field: 'data.summary', given: after(9), data: (summary) => ({ channel: 'letter', contentRef: 'letter-1', summary }) },
];

/**
 * Every other free text, and why the customer does not read it: the customer's own words (what they said, asked,
 * rated, withdrew for), records of what staff did or found, and internal remarks. A field here may quote a
 * customer ("I don't know the mileage") without being refused.
 */
const INTERNAL = [
  // The customer's own words, recorded.
  'ReceiveComplaint data.description',
  'ReceiveComplaint data.demand',
  'RecordFollowUp data.comment',
  'RecordFollowUp data.survey.ratings.*.comment',
  'RecordFollowUp data.survey.comment',
  'WithdrawComplaint data.reason',
  // Records of a conversation or of the work: both sides' words, or the station's findings.
  'LogCustomerContact data.summary',
  'ReceiveComplaint data.source.note',
  'IdentifyCause data.findings',
  'IdentifyCause data.checks.product',
  'IdentifyCause data.checks.operatingConditions',
  'IdentifyCause data.checks.usageAndMaintenance',
  'CompleteExecution data.outcome',
  'RecordPreventiveAction data.action',
  'ArchiveComplaint data.summary',
  'ArchiveComplaint data.preventiveAction',
  'DeclineComplaint data.reason',
  // Staff to staff: decisions, hand-overs, plans and remarks.
  'ClassifyComplaint data.reason',
  'StartInvestigation data.plan',
  'ApproveRemedy data.note',
  'RejectRemedy data.reason',
  'StartExecution data.note',
  'RenegotiateDeadline data.reason',
  'AssignHandler data.note',
  'EscalateComplaint data.reason',
  'EscalateOnBreach data.reason',
  'ArrangeMeeting data.note',
  'ArrangeMeeting data.strategy',
  'WaitOnCustomer data.note',
  'StopWaitingOnCustomer data.note',
  'OfferHandOver data.reason',
  'AcceptHandOver data.note',
  'DeclineHandOver data.reason',
  'KeepPromise data.note',
  'BreakPromise data.reason',
  'RouteComplaint data.note',
  'AttributeResponsibility data.reason',
  'OfferResolutionOptions data.note',
  'RecordCustomerChoice data.note',
  'RecordWrittenNotice data.note',
];

/** One phrase of each id, in both languages, cycled through the table. */
const PHRASES = [
  ['impossible', 'Sorry, that is impossible before Friday'],
  ['dontKnow', '我不知道配件什么时候到'],
  ['notOurProblem', "That's the supplier's problem, we will see"],
  ['cannotSolve', '这个我解决不了'],
  ['someoneElsesResponsibility', 'The gearbox is not my responsibility'],
] as const;

describe('which texts the rule reads', () => {
  it('sorts every free text of every command into customer-facing or internal, and reads exactly the customer-facing commands', () => {
    const sorted = [...CUSTOMER_FACING.map((f) => `${f.type} ${f.field}`), ...INTERNAL];
    expect(new Set(sorted).size).toBe(sorted.length);
    expect([...sorted].sort()).toEqual(freeTexts().sort());
    expect([...CUSTOMER_FACING_COMMANDS].sort()).toEqual([...new Set(CUSTOMER_FACING.map((f) => f.type))].sort());
  });

  it.each(CUSTOMER_FACING.map((f, i) => [`${f.type} ${f.field}`, f, PHRASES[i % PHRASES.length] as (typeof PHRASES)[number]] as const))(
    'refuses %s with a forbidden phrase, naming it and writing nothing; accepts it clean',
    async (_name, f, [id, text]) => {
      const s = await setup([forbiddenPhraseRule()], f.given);
      const actor = allowedActor(f.type);
      const before = s.store.size;
      const refused = await s.run(f.type, f.data(text), actor);
      expect(!refused.ok && refused.error).toMatchObject({ kind: 'IllegalCommand', commandType: f.type, rule: { name: 'noForbiddenPhrases' } });
      expect(messageOf(refused)).toContain(`in ${f.named ?? f.field}: `);
      expect(messageOf(refused)).toContain(`(${id}, at `);
      expect(s.store.size).toBe(before);
      const clean = await s.run(f.type, f.data('We will have it fixed by Friday'), actor);
      expect(clean.ok, clean.ok ? '' : clean.error.message).toBe(true);
      expect(s.store.size).toBeGreaterThan(before);
    },
  );
});
