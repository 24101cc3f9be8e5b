/**
 * A host rule refusing customer-facing text that contains a forbidden phrase: what the
 * customer hears or reads, in every command that carries some (the acknowledgement's
 * words, the complaint read back, a promise and why it cannot be kept, the remedy and the
 * options offered, a note marked for the customer, progress notices and result feedback).
 * Opt-in (`createEngine({ rules: [forbiddenPhraseRule()] })`): some stations would rather
 * warn than refuse, and run the checker on `customerFacingTexts` themselves.
 *
 * Which texts these are is decided once, in `READERS`, typed by `CUSTOMER_FACING_COMMANDS` so
 * that a command listed without its reader, or read without being listed, fails to compile.
 * The customer's own words (the description, a follow-up comment) and records of the work
 * are not read, so quoting a customer is never refused (rule.test.ts sorts every free text).
 */
import type { Command, CommandOf, CommandType } from '../commands/schema.js';
import type { WorkflowRule } from '../decider/decide.js';
import { createPhraseChecker, type PhraseChecker, type PhraseFinding } from './checker.js';

/** One text of a command that reaches the customer, and the field it is in. */
export interface CustomerFacingText {
  /** The field's dotted path in the command, as a `ValidationError` names it (`data.summary`, `data.options.1.remedy.description`). */
  readonly field: string;
  /** The text, as the command carries it. */
  readonly text: string;
}

type Texts = readonly CustomerFacingText[];
const at = (field: string, text: string | undefined): Texts => (text === undefined ? [] : [{ field: `data.${field}`, text }]);

/** The commands whose text reaches the customer, and so the rule reads (which text of each: `customerFacingTexts`). */
export const CUSTOMER_FACING_COMMANDS = [
  'ReceiveComplaint',
  'ConfirmComplaint',
  'MakePromise',
  'ExplainPromiseBreak',
  'ProposeResolution',
  'OfferResolutionOptions',
  'AddNote',
  'SendProgressNotice',
  'SendResultFeedback',
] as const satisfies readonly CommandType[];

/** A command type that can carry customer-facing text: one of `CUSTOMER_FACING_COMMANDS`. */
export type CustomerFacingCommandType = (typeof CUSTOMER_FACING_COMMANDS)[number];

/** Which texts of each customer-facing command the customer reads: typed by the list, so the two cannot disagree. */
const READERS: { readonly [T in CustomerFacingCommandType]: (data: CommandOf<T>['data']) => Texts } = {
  ReceiveComplaint: (d) => at('acknowledgement.words', d.acknowledgement?.words),
  ConfirmComplaint: (d) => [...at('summary', d.summary), ...at('acknowledgement.words', d.acknowledgement?.words)],
  MakePromise: (d) => at('description', d.description),
  ExplainPromiseBreak: (d) => at('explanation', d.explanation),
  ProposeResolution: (d) => at('remedy.description', d.remedy.description),
  OfferResolutionOptions: (d) => d.options.flatMap((o, i) => at(`options.${i}.remedy.description`, o.remedy.description)),
  AddNote: (d) => (d.visibility === 'customer' ? at('text', d.text) : []),
  SendProgressNotice: (d) => at('summary', d.summary),
  SendResultFeedback: (d) => at('summary', d.summary),
};

/**
 * Every text of `command` the customer hears or reads, with its field, in the order of the command's fields; empty
 * for a command that carries none (an internal note, a cause's findings, the customer's own words).
 *
 * | command | customer-facing texts |
 * |---|---|
 * | `ReceiveComplaint` | `data.acknowledgement.words` |
 * | `ConfirmComplaint` | `data.summary` (read back to the customer), `data.acknowledgement.words` |
 * | `MakePromise` | `data.description` |
 * | `ExplainPromiseBreak` | `data.explanation` |
 * | `ProposeResolution` | `data.remedy.description` (told at execution; the written notice states it) |
 * | `OfferResolutionOptions` | `data.options.<i>.remedy.description`, each option |
 * | `AddNote` | `data.text`, when `visibility` is `customer` |
 * | `SendProgressNotice`, `SendResultFeedback` | `data.summary` |
 */
export function customerFacingTexts(command: Command): readonly CustomerFacingText[] {
  const read = (READERS as { readonly [T in CommandType]?: (data: Command['data']) => Texts })[command.type];
  return read === undefined ? [] : read(command.data);
}

/** The phrases found in one text: `in <field>: "…" (id, at start-end; say "…" instead), …`. */
const listed = (findings: readonly PhraseFinding[], field?: string) =>
  (field === undefined ? '' : `in ${field}: `) +
  findings.map((f) => `"${f.found}" (${f.id}, at ${f.start}-${f.end}${f.instead ? `; say "${f.instead}" instead` : ''})`).join(', ');

const PREFIX = 'customer-facing text contains forbidden phrases (禁语): ';

/**
 * The refusal's words for one text: each phrase found, quoted as written, with its id, where it is and what to say
 * instead; `field` (e.g. `data.summary`) names the text, as the rule's refusal does.
 */
export function describeFindings(findings: readonly PhraseFinding[], field?: string): string {
  return PREFIX + listed(findings, field);
}

/**
 * The rule `noForbiddenPhrases`: refuses a command any of whose `customerFacingTexts` contains a phrase of
 * `checker`'s list (default list when none is given), as an `IllegalCommandError` whose `rule.message` names every
 * phrase found, text by text (`in data.summary: "…" (…); in data.acknowledgement.words: "…" (…)`).
 */
export function forbiddenPhraseRule(checker: PhraseChecker = createPhraseChecker()): WorkflowRule {
  return {
    name: 'noForbiddenPhrases',
    appliesTo: CUSTOMER_FACING_COMMANDS,
    check: ({ command }) => {
      const found = customerFacingTexts(command)
        .map(({ field, text }) => ({ field, findings: checker.check(text) }))
        .filter((t) => t.findings.length > 0);
      return found.length > 0 ? PREFIX + found.map((t) => listed(t.findings, t.field)).join('; ') : null;
    },
  };
}
