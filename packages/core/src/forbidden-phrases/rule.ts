/**
 * A host rule refusing customer-facing text that contains a forbidden phrase: a note
 * marked for the customer, a progress notice or result feedback, the explanation of a
 * promise that cannot be kept. Opt-in (`createEngine({ rules: [forbiddenPhraseRule()] })`):
 * some stations would rather warn than refuse, and run the checker themselves.
 */
import type { Command, CommandType } from '../commands/schema.js';
import type { WorkflowRule } from '../decider/decide.js';
import { createPhraseChecker, type PhraseChecker, type PhraseFinding } from './checker.js';

/** The commands whose text reaches the customer, and so the rule reads. */
export const CUSTOMER_FACING_COMMANDS = ['AddNote', 'SendProgressNotice', 'SendResultFeedback', 'ExplainPromiseBreak'] as const satisfies readonly CommandType[];

/** The text of a command that the customer reads, if any: a note marked `customer`, a notice's summary, a promise's explanation. */
export function customerFacingText(command: Command): string | undefined {
  switch (command.type) {
    case 'AddNote':
      return command.data.visibility === 'customer' ? command.data.text : undefined;
    case 'SendProgressNotice':
    case 'SendResultFeedback':
      return command.data.summary;
    case 'ExplainPromiseBreak':
      return command.data.explanation;
    default:
      return undefined;
  }
}

/** The refusal's words: each phrase found, quoted as written, with its id and what to say instead. */
export function describeFindings(findings: readonly PhraseFinding[]): string {
  const each = findings.map((f) => `"${f.found}" (${f.id}, at ${f.start}-${f.end}${f.instead ? `; say "${f.instead}" instead` : ''})`);
  return `customer-facing text contains forbidden phrases (禁语): ${each.join(', ')}`;
}

/**
 * The rule `noForbiddenPhrases`: refuses a customer-facing command whose text contains a phrase of `checker`'s list
 * (default list when none is given), as an `IllegalCommandError` whose `rule.message` names every phrase found.
 */
export function forbiddenPhraseRule(checker: PhraseChecker = createPhraseChecker()): WorkflowRule {
  return {
    name: 'noForbiddenPhrases',
    appliesTo: CUSTOMER_FACING_COMMANDS,
    check: ({ command }) => {
      const text = customerFacingText(command);
      const findings = text === undefined ? [] : checker.check(text);
      return findings.length > 0 ? describeFindings(findings) : null;
    },
  };
}
