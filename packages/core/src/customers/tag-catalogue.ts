/**
 * The difficult-customer tag catalogue: the customer types the material names
 * (complaint-handling §9: very expert, stubborn, self-important, talkative, unreasonable,
 * difficult key account), each with its handling hint in English and Chinese, and the honest
 * customer the material says to reward with added-value service. Data, not an enum: a host
 * tags with these ids or its own (`media-threat`), and replaces the catalogue with its own
 * (`createCustomerProfiles({ tagCatalogue })`, e.g. the defaults plus a few).
 *
 * A tag with a catalogue id may omit its hint: the service then records the catalogue's hint in
 * its locale on `DifficultCustomerTagged` (see tag-hint.ts). A profile never reads the catalogue,
 * so a catalogue changed later changes no tag already recorded.
 *
 * The honest customer is a tag of `kind: 'valued'` rather than a command of its own: like a
 * difficult-customer tag it is a fact about the customer, with an owner and a reason, that the
 * handler must see where they work (the hint: what added-value service to give), and that can be
 * withdrawn. A second command and event pair would repeat the rules, the fold, the hints join
 * and the privacy table; `kind` lets a screen show it as a reward rather than a warning.
 */
import { z } from 'zod';
import { idSchema, longTextSchema } from '../domain/primitives.js';
import { WorkflowConfigError } from '../errors/errors.js';
import { customerTagSchema } from './payloads.js';
import { listedOnce } from '../domain/listed-once.js';

/** What a catalogue tag tells the handler: handle with care (`difficult`), or reward (`valued`, the honest customer). */
export const CUSTOMER_TAG_KINDS = ['difficult', 'valued'] as const;
/** One of `CUSTOMER_TAG_KINDS`. */
export type CustomerTagKind = (typeof CUSTOMER_TAG_KINDS)[number];

const entrySchema = z.strictObject({
  /** The tag id a host tags with. */
  tag: customerTagSchema,
  /** Handle with care, or reward. */
  kind: z.enum(CUSTOMER_TAG_KINDS),
  /** The handling hint recorded when the tag is given without one, in each locale of the labels. */
  hint: z.strictObject({ en: longTextSchema, 'zh-CN': longTextSchema }),
});

/**
 * Validates a host's tag catalogue: a named list of tags, each with a unique id, its kind and its hint in English and
 * Chinese (an empty list: no tag without a hint). Use `parseCustomerTagCatalogue` for a typed `WorkflowConfigError`.
 */
export const customerTagCatalogueSchema = z.strictObject({ name: idSchema, tags: z.array(entrySchema) }).superRefine(listedOnce('tags', 'tag', 'tag'));
/** A validated tag catalogue, passed as `createCustomerProfiles({ tagCatalogue })` (default `defaultCustomerTagCatalogue`). */
export type CustomerTagCatalogue = z.output<typeof customerTagCatalogueSchema>;
/** One tag of a catalogue: its id, its kind and its hint in English and Chinese. */
export type CustomerTagEntry = CustomerTagCatalogue['tags'][number];

/** The ids of `defaultCustomerTagCatalogue`, in its order: the material's six difficult types, then the honest customer. */
export const DEFAULT_CUSTOMER_TAGS = ['veryExpert', 'stubborn', 'selfImportant', 'talkative', 'unreasonable', 'difficultKeyAccount', 'honest'] as const;
/** One of `DEFAULT_CUSTOMER_TAGS`: each must have its hints here and its label (customers/labels.ts), or it does not compile. */
export type DefaultCustomerTag = (typeof DEFAULT_CUSTOMER_TAGS)[number];

// The material names the types and says to reward the honest; the hints' wording is ours, drawn
// where it could be from its principles (never argue, let the customer keep face, three changes,
// keep evidence of every service step for a customer who complains for benefits).
const DEFAULTS: Readonly<Record<DefaultCustomerTag, { readonly kind: CustomerTagKind; readonly en: string; readonly zh: string }>> = {
  veryExpert: {
    kind: 'difficult',
    en: 'Knows the product well: send an experienced technician, talk in technical terms and show the diagnosis data and test results. Never guess: check, and call back by an agreed time.',
    zh: '非常内行：安排资深技师接待，用专业语言沟通，出示诊断数据和检测结果。不要凭猜测回答：核实后在约定时间回复。',
  },
  stubborn: {
    kind: 'difficult',
    en: 'Holds to their view: do not argue; read their point back, show the evidence, offer two or three options and let them choose. If it stalls, use the three changes: another handler, place or time.',
    zh: '固执己见：不要争辩；复述客户的观点，摆出事实依据，提供两三个方案由客户选择。僵持不下时用三变法：换人、换地点、换时间。',
  },
  selfImportant: {
    kind: 'difficult',
    en: 'Expects to be treated as important: receive them at once, have a senior colleague greet them, acknowledge their experience and let them keep face; never contradict them in front of others.',
    zh: '自视甚高：立即接待，请主管出面问候，肯定其经验，给足面子；不要当众反驳。',
  },
  talkative: {
    kind: 'difficult',
    en: 'Talks at length: listen first, then steer with short, closed questions; sum up the complaint, read it back, agree the next step and its time, and close the conversation politely.',
    zh: '健谈多话：先耐心倾听，再用简短的封闭式问题引导；归纳投诉要点并复述确认，约定下一步及时间后礼貌结束谈话。',
  },
  unreasonable: {
    kind: 'difficult',
    en: 'Demands more than is fair: stay calm and polite, never argue; say what the station can offer and why. Keep evidence of every service step, put every agreement in writing, have two staff present, and escalate rather than concede beyond your authority.',
    zh: '蛮横无理：保持冷静礼貌，绝不争辩；说明我们能提供什么以及理由。保留每一步服务的证据，所有约定书面确认，两人接待；超出权限时上报，不擅自让步。',
  },
  difficultKeyAccount: {
    kind: 'difficult',
    en: 'An important account that is hard to satisfy: the account owner handles or joins in; respond first and fastest, agree deadlines in writing and keep every promise; report a major issue to management early.',
    zh: '难以满足的重要大客户：由客户经理亲自处理或参与；优先、最快响应，书面约定期限并兑现每一项承诺；重大问题及早向管理层报告。',
  },
  honest: {
    kind: 'valued',
    en: 'Honest and fair: reward them with added-value service (a free check, priority booking, a courtesy car or a small extra), thank them, and tell the account owner.',
    zh: '诚实守信：以增值服务回报（免费检测、优先预约、代步车或小礼品），表示感谢，并告知客户经理。',
  },
};

/** The default catalogue: the material's six difficult types and the honest customer, with hints in English and Chinese. */
export const defaultCustomerTagCatalogue: CustomerTagCatalogue = Object.freeze({
  name: 'default',
  tags: DEFAULT_CUSTOMER_TAGS.map((tag) => ({ tag, kind: DEFAULTS[tag].kind, hint: { en: DEFAULTS[tag].en, 'zh-CN': DEFAULTS[tag].zh } })),
});

/** Types unknown input (e.g. a catalogue read from a file) as a `CustomerTagCatalogue`; throws a `WorkflowConfigError` naming each problem. */
export function parseCustomerTagCatalogue(input: unknown): CustomerTagCatalogue {
  const parsed = customerTagCatalogueSchema.safeParse(input);
  if (!parsed.success) throw WorkflowConfigError.fromZod('customer tag catalogue', parsed.error);
  return parsed.data;
}

/** The tag of `catalogue` with this id, if any. */
export const customerTagOf = (catalogue: CustomerTagCatalogue, tag: string): CustomerTagEntry | undefined => catalogue.tags.find((t) => t.tag === tag);
