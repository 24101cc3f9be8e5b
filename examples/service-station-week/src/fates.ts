/**
 * Who complains, when, about what, and how each complaint will go. Drawn once, up
 * front, from the seed; `script.ts` turns a fate into commands.
 *
 * The week must show every path of the workflow whatever the seed, so the rare
 * paths are handed out by quota (not by chance) and the long ones go to the
 * complaints received early enough to finish before Sunday evening.
 */
import type { Channel } from '@redress/core';
import { atLocal, DAYS_IN_WEEK } from './calendar.js';
import { AGGRESSIVE_CLIENT, CLIENTS, FOLLOW_UP, FRONT_DESK, HANDLERS, type Client, type StaffMember } from './cast.js';
import { GENERAL, MAJOR, WITHDRAW_REASONS, type Grievance } from './grievances.js';
import type { Random } from './random.js';

/** The stories told once each during the week. */
export type Story =
  /** 三变法: an aggressive customer gets a new handler, a new venue and a new time. */
  | 'threeChanges'
  /** Senior management sends a major remedy back as not proportionate. */
  | 'rejectedRemedy'
  /** A handler tries to execute a major remedy before it is approved: refused. */
  | 'executeBeforeApproval'
  /** A repeat technical fault goes to head-office engineers (三查一综合). */
  | 'engineering'
  /** A handler tries to record the follow-up call himself: refused, it is the follow-up staff's. */
  | 'followUpByHandler'
  /** A handler tries to archive without a preventive action: refused. */
  | 'archiveWithoutPreventive'
  /** A late part: the deadline is renegotiated with the customer. */
  | 'renegotiatedDeadline';

/** The last step reached before the customer withdraws. */
export type WithdrawPoint = 'received' | 'confirmed' | 'investigating' | 'resolutionProposed';

export interface Fate {
  readonly complaintId: string;
  readonly receivedAt: Date;
  readonly client: Client;
  readonly grievance: Grievance;
  readonly channel: Channel;
  readonly receivedBy: StaffMember;
  readonly handler: StaffMember;
  /** Not satisfied at the first follow-up call: the complaint is reopened. */
  readonly reopens: boolean;
  readonly withdraws?: { readonly after: WithdrawPoint; readonly reason: string };
  readonly story?: Story;
  /** How slowly this complaint moves: a multiplier on every wait. */
  readonly pace: number;
}

/** Mondays are busiest (the weekend's problems arrive); Sundays quietest. */
const DAY_WEIGHTS = [1.5, 1.2, 1.1, 1, 1, 0.8, 0.6];
const CHANNELS: readonly Channel[] = ['visit', 'phone', 'hotline', 'wechat', 'email', 'web'];
const CHANNEL_WEIGHTS = [4, 3, 2, 2, 0.5, 0.5];
const STORIES_MAJOR: readonly Story[] = ['threeChanges', 'rejectedRemedy', 'executeBeforeApproval', 'engineering'];
const STORIES_GENERAL: readonly Story[] = ['followUpByHandler', 'archiveWithoutPreventive', 'renegotiatedDeadline'];
/** The grievance each story is about, when it is about a particular one. */
const STORY_GRIEVANCE: Partial<Record<Story, string>> = {
  threeChanges: 'ac-smell',
  rejectedRemedy: 'loose-caliper',
  engineering: 'dsg-judder',
  renegotiatedDeadline: 'late-parts',
};

interface Arrival {
  readonly at: Date;
  readonly day: number;
}

function arrivals(rnd: Random, count: number): Arrival[] {
  const list = Array.from({ length: count }, () => {
    const day = rnd.weighted(DAY_WEIGHTS.slice(0, DAYS_IN_WEEK));
    // Between 09:00 and 17:30: complaints come in while the desk is open.
    return { day, at: atLocal(day, 9, rnd.int(0, 510)) };
  });
  return list.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Ticket numbers as the desk writes them: branch, date, number of the day. */
function ticketNumbers(list: readonly Arrival[]): string[] {
  const perDay = new Map<number, number>();
  return list.map(({ day }) => {
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    return `PD-202611${23 + day}-${String(n).padStart(2, '0')}`;
  });
}

/** Which complaint (by arrival order) takes which path: quotas, so every path shows whatever the seed. */
function paths(rnd: Random, count: number) {
  // The first two complaints of the week are reopened and still archived by Sunday: that path needs the whole week.
  const firstTwo = [0, 1].filter((i) => i < count);
  // The stories go to complaints received early enough to reach their point.
  const early = rnd.shuffle(Array.from({ length: Math.ceil(count * 0.35) }, (_, i) => i).filter((i) => !firstTwo.includes(i)));
  const stories = new Map<number, Story>();
  for (const story of [...STORIES_MAJOR, ...STORIES_GENERAL]) {
    const i = early.shift();
    if (i !== undefined) stories.set(i, story);
  }
  const rest = rnd.shuffle(Array.from({ length: count }, (_, i) => i).filter((i) => !stories.has(i) && !firstTwo.includes(i)));

  // About one in five is major.
  const majors = new Set([...stories].filter(([, s]) => STORIES_MAJOR.includes(s)).map(([i]) => i));
  for (const i of rest.slice(0, Math.max(0, Math.round(count * 0.2) - majors.size))) majors.add(i);

  // About 15% are reopened; the later ones may still be open on Sunday.
  const reopens = new Set(firstTwo);
  for (const i of rest.filter((i) => i < count * 0.75).reverse()) {
    if (reopens.size >= Math.round(count * 0.15)) break;
    reopens.add(i);
  }
  // About 8% are withdrawn, none among the last received, so the customer has time to call back.
  const withdrawals = new Set(rest.filter((i) => !reopens.has(i) && i < count * 0.8).slice(-Math.max(1, Math.round(count * 0.08))));
  // The complaints whose path must be finished by Sunday move at the normal pace.
  const steady = new Set([...stories.keys(), ...firstTwo]);
  return { stories, majors, reopens, withdrawals, steady };
}

export function drawFates(rnd: Random, count: number): Fate[] {
  const list = arrivals(rnd, count);
  const ids = ticketNumbers(list);
  const { stories, majors, reopens, withdrawals, steady } = paths(rnd, count);

  const handlerOffset = rnd.int(0, HANDLERS.length - 1);
  // Decks, not independent draws: variety first, repeats (a customer complaining twice) only after.
  const pinned = new Set(Object.values(STORY_GRIEVANCE));
  const majorGrievance = rnd.deck(MAJOR.filter((g) => !pinned.has(g.key)));
  const generalGrievance = rnd.deck(GENERAL.filter((g) => !pinned.has(g.key)));
  const nextClient = rnd.deck(CLIENTS.filter((c) => c !== AGGRESSIVE_CLIENT));
  const withdrawPoint = rnd.deck<WithdrawPoint>(['received', 'confirmed', 'investigating', 'resolutionProposed']);
  const withdrawReason = rnd.deck(WITHDRAW_REASONS);

  return list.map(({ at }, i): Fate => {
    const story = stories.get(i);
    const major = majors.has(i);
    const key = story && STORY_GRIEVANCE[story];
    const grievance = [...MAJOR, ...GENERAL].find((g) => g.key === key) ?? (major ? majorGrievance() : generalGrievance());
    // Hidden complaints: the 100% follow-up survey finds some unhappy customers who never called.
    const survey = !major && !story && rnd.chance(0.1);
    const channel = survey ? 'survey' : (CHANNELS[rnd.weighted(CHANNEL_WEIGHTS)] ?? 'visit');
    const withdraws = withdrawals.has(i) ? { after: withdrawPoint(), reason: withdrawReason() } : undefined;
    return {
      complaintId: ids[i] ?? `PD-${i}`,
      receivedAt: at,
      client: story === 'threeChanges' ? AGGRESSIVE_CLIENT : nextClient(),
      grievance,
      channel,
      receivedBy: survey ? rnd.pick(FOLLOW_UP) : rnd.pick(FRONT_DESK),
      // The service manager rotates new complaints between the handlers.
      handler: HANDLERS[(handlerOffset + i) % HANDLERS.length] ?? HANDLERS[0],
      reopens: reopens.has(i),
      ...(withdraws && { withdraws }),
      ...(story && { story }),
      pace: steady.has(i) ? 1 : rnd.pick([0.6, 1, 1, 1.4, 2]),
    };
  });
}
