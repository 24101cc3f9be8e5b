/**
 * Forbidden phrases (禁语): what staff must not say to a customer, as data. The English
 * ones are the material's (complaint-handling §2: "that is impossible", "that is the
 * supplier's problem, not ours", "I don't know", "I can't solve this", "that equipment
 * is someone else's responsibility"), with their usual short forms; the Chinese ones
 * say the same things the way service staff say them. Phrases sharing an `id` are one
 * thing said in several ways or languages, so a report can count them together.
 *
 * A host extends or replaces the list with `forbiddenPhraseList`, and checks text with
 * `createPhraseChecker` (checker.ts).
 */
import { z } from 'zod';
import { WorkflowConfigError } from '../errors/errors.js';
import { idSchema, shortTextSchema } from '../domain/primitives.js';

/** Validates one forbidden phrase: an id shared by its variants, its locale, the words, and what to say instead. */
export const forbiddenPhraseSchema = z.strictObject({
  /** Names the thing said, shared by its variants and translations (`impossible`). */
  id: idSchema,
  /** The language it is said in (`en`, `zh-CN`, or a host's own). */
  locale: shortTextSchema,
  /** The words, as staff would say them: case, width, spacing and apostrophes do not matter (see normalise.ts). */
  text: shortTextSchema,
  /** What to say instead, for the handler's hint. */
  instead: shortTextSchema.optional(),
});
/** One forbidden phrase: `id` (shared by variants), `locale`, `text`, and optionally what to say `instead`. */
export type ForbiddenPhrase = z.infer<typeof forbiddenPhraseSchema>;

const phrase = (id: string, locale: string, text: string, instead: string): ForbiddenPhrase => ({ id, locale, text, instead });
const en = (id: string, instead: string, ...texts: string[]) => texts.map((t) => phrase(id, 'en', t, instead));
const zh = (id: string, instead: string, ...texts: string[]) => texts.map((t) => phrase(id, 'zh-CN', t, instead));

/** The default list, English and Chinese (zh-CN): the material's five phrases and their usual variants. */
export const DEFAULT_FORBIDDEN_PHRASES: readonly ForbiddenPhrase[] = Object.freeze([
  ...en('impossible', 'Let me see what we can do', 'that is impossible', "that's impossible"),
  ...zh('impossible', '我看看我们能做些什么', '这不可能', '那不可能'),
  ...en('notOurProblem', 'We will take care of it with the supplier', "that is the supplier's problem", "that's the supplier's problem", 'not our problem'),
  ...zh('notOurProblem', '我们来和供应商协调解决', '那是供应商的问题', '不是我们的问题'),
  ...en('dontKnow', 'Let me find out for you', "I don't know"),
  ...zh('dontKnow', '我帮您查一下', '我不知道'),
  ...en('cannotSolve', 'I will get this solved for you', "I can't solve this", 'I cannot solve this'),
  ...zh('cannotSolve', '我会为您解决', '我解决不了', '我无法解决'),
  ...en('someoneElsesResponsibility', 'I will make sure the right person handles it', "is someone else's responsibility", 'not my responsibility'),
  ...zh('someoneElsesResponsibility', '我会让负责的同事马上处理', '不归我们负责', '不归我管'),
]);

/** How a host changes the default list: replace it, add phrases, drop some by id. */
export interface ForbiddenPhraseListOptions {
  /** The list to start from (default `DEFAULT_FORBIDDEN_PHRASES`); `[]` to write your own from scratch. */
  readonly base?: readonly ForbiddenPhrase[];
  /** Phrases to add (your station's own, other languages). */
  readonly add?: readonly ForbiddenPhrase[];
  /** Ids to drop from the base (every variant of each). */
  readonly remove?: readonly string[];
}

/** A validated list: the base without `remove`d ids, plus `add`; throws a `WorkflowConfigError` naming each bad phrase. */
export function forbiddenPhraseList(options: ForbiddenPhraseListOptions = {}): readonly ForbiddenPhrase[] {
  const removed = new Set(options.remove ?? []);
  const list = [...(options.base ?? DEFAULT_FORBIDDEN_PHRASES).filter((p) => !removed.has(p.id)), ...(options.add ?? [])];
  const parsed = z.array(forbiddenPhraseSchema).safeParse(list);
  if (!parsed.success) throw WorkflowConfigError.fromZod('forbidden-phrase list', parsed.error);
  return Object.freeze(parsed.data);
}
