/**
 * Realistic command streams, as plain data: complete lifecycles of general and
 * major complaints (some reopened once or twice when the customer is not
 * satisfied), with handler assignments, customer contacts, notes, the responsible
 * party (before the first proposal), deadline renegotiations and preventive actions, interleaved across complaints the way a
 * service desk works many tickets at once. Seeded, so every run executes the
 * same stream.
 */
import type { Actor, CommandInput, ResponsibleParty } from '@redress/core';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A deadline far beyond any clock the benchmarks run (`agreedDeadline` must be after now). */
export const FAR_DEADLINE = '2099-06-30T10:00:00.000Z';
/** Where the benchmarks' manual clocks start. */
export const CLOCK_START = '2026-03-02T08:00:00.000Z';
/** How far the manual clock moves per command (one minute). */
export const CLOCK_STEP_MS = 60_000;

export interface StreamOptions {
  readonly complaints: number;
  /** Share of major complaints (approved by senior management). Default 0.25. */
  readonly majorShare?: number;
  /** Share of complaints reopened at least once (customer not satisfied). Default 0.15. */
  readonly reopenShare?: number;
  readonly seed?: number;
  /** How many complaints are open at once (default 200). */
  readonly concurrency?: number;
  /** Prefix of complaint ids, so several logs can live in one store. */
  readonly idPrefix?: string;
}

export interface CommandStream {
  readonly commands: readonly CommandInput[];
  readonly complaints: number;
  /** Per lifecycle shape, how many complaints have it. */
  readonly shapes: { readonly general: number; readonly major: number; readonly reopened: number };
}

/** Seeded floats in [0, 1) from pure-rand (fast-check's generator), so fixtures are the same on every run. */
export function seededRandom(seed: number): () => number {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

export const frontDesk: Actor = { id: 'fd-01', role: 'frontDesk' };
const departmentHead: Actor = { id: 'dh-01', role: 'departmentHead' };
const seniorManager: Actor = { id: 'sm-01', role: 'seniorManagement' };
const followUp: Actor = { id: 'fu-01', role: 'followUpStaff' };
export const handlers = Array.from({ length: 12 }, (_, i): Actor => ({ id: `h-${String(i + 1).padStart(2, '0')}`, role: 'handler' }));
export const technicians = Array.from({ length: 8 }, (_, i): Actor => ({ id: `t-${String(i + 1).padStart(2, '0')}`, role: 'technician' }));

export const fullAcknowledgement = {
  thanked: true,
  appreciated: true,
  apologised: true,
  promisedPromptAction: true,
  words: 'Thank you for telling us; this helps us improve. We are sorry for the trouble and will act on it right away.',
};

const DESCRIPTIONS = [
  'The air conditioning stopped working two days after the repair; the same fault as before.',
  'The invoice was higher than the quote given at the front desk, without any explanation.',
  'The car was promised for Friday and was returned on Tuesday, with no call in between.',
  'The receptionist was dismissive when I asked about the warranty on the replaced part.',
  'A scratch on the rear door that was not there when the car was dropped off.',
  'Rattling noise from the dashboard since the last service.',
] as const;
const CAUSES = ['repairQuality', 'serviceAttitude', 'price', 'repairDuration', 'communication', 'productQuality'] as const;
const CHANNELS = ['phone', 'hotline', 'visit', 'email', 'wechat', 'web'] as const;
const REMEDIES = ['freeRepair', 'discount', 'compensation', 'replacement', 'apology'] as const;
const BRANCHES = ['Shanghai North', 'Shanghai Pudong', 'Hangzhou West', 'Suzhou Industrial Park'] as const;

export type LifecycleShape = { readonly major: boolean; readonly reopens: number };

/** Who answers for the cause: the supplier of a defective part, the workshop otherwise. */
const responsibilityFor = (cause: (typeof CAUSES)[number]): { readonly party: ResponsibleParty; readonly reason: string } =>
  cause === 'productQuality'
    ? { party: { kind: 'supplier', id: 'sup-0042', name: 'Compressor supplier' }, reason: 'The clutch was defective from the factory.' }
    : { party: { kind: 'department', id: 'workshop-1', name: 'Workshop 1' }, reason: 'The earlier repair in the workshop missed the fault.' };

/** Every command of one complaint, from receipt to archive, in order. */
export function lifecycle(complaintId: string, shape: LifecycleShape, random: () => number): CommandInput[] {
  const handler = pick(random, handlers);
  const technician = pick(random, technicians);
  const ackAtReceipt = random() < 0.5;
  const cause = pick(random, CAUSES);
  const n = complaintId;
  const commands: CommandInput[] = [];

  commands.push({
    type: 'ReceiveComplaint',
    complaintId,
    actor: frontDesk,
    data: {
      customer: { reference: `cust-${Math.floor(random() * 50_000)}`, name: 'Li Wei', phone: '+86 138 0013 8000' },
      channel: pick(random, CHANNELS),
      description: pick(random, DESCRIPTIONS),
      demand: 'Fix it properly at no cost and tell me when it will be ready.',
      product: { kind: 'car', model: 'Lavida 1.5L', identifier: `沪A·${n.slice(-5)}`, mileageKm: 42_000, purchasedOn: '2023-04-18' },
      branch: pick(random, BRANCHES),
      ...(ackAtReceipt ? { acknowledgement: fullAcknowledgement } : {}),
    },
  });
  commands.push({ type: 'AssignHandler', complaintId, actor: departmentHead, data: { handlerId: handler.id, reason: 'initial' } });
  commands.push({
    type: 'ConfirmComplaint',
    complaintId,
    actor: handler,
    data: {
      summary: 'Read back to the customer, who confirmed the facts and the demand.',
      ...(ackAtReceipt ? {} : { acknowledgement: fullAcknowledgement }),
    },
  });
  commands.push({
    type: 'ClassifyComplaint',
    complaintId,
    actor: handler,
    data: shape.major
      ? { severity: 'major', reason: 'Safety-related and the customer threatens to go to the press.' }
      : { severity: 'general' },
  });
  commands.push({ type: 'StartInvestigation', complaintId, actor: technician, data: { plan: 'Inspect the car and interview the technician.' } });
  commands.push({
    type: 'LogCustomerContact',
    complaintId,
    actor: handler,
    data: { channel: 'phone', direction: 'outbound', summary: 'Called to say the investigation has started.' },
  });

  for (let cycle = 0; cycle <= shape.reopens; cycle++) {
    commands.push({
      type: 'IdentifyCause',
      complaintId,
      actor: technician,
      data:
        cause === 'productQuality'
          ? {
              cause,
              findings: 'The compressor clutch is defective from the factory.',
              checks: { product: 'Clutch coil resistance out of range.', operatingConditions: 'Normal.', usageAndMaintenance: 'Serviced on schedule.' },
            }
          : { cause, findings: 'The fault was confirmed on inspection; the earlier repair missed it.' },
    });
    // 分清责任: the responsible party is recorded before the first proposal (required by default); it holds across cycles.
    // No random draw, so the rest of the stream is what it was before the attribution was added.
    if (cycle === 0) commands.push({ type: 'AttributeResponsibility', complaintId, actor: technician, data: responsibilityFor(cause) });
    commands.push({
      type: 'ProposeResolution',
      complaintId,
      actor: handler,
      data: {
        remedy: { kind: pick(random, REMEDIES), description: 'Replace the part free of charge and waive the labour.', amount: { value: 860, currency: 'CNY' } },
        agreedDeadline: FAR_DEADLINE,
      },
    });
    if (random() < 0.1) {
      commands.push({
        type: 'RenegotiateDeadline',
        complaintId,
        actor: handler,
        data: { agreedDeadline: FAR_DEADLINE.replace('06-30', '07-15'), reason: 'The part is back-ordered.' },
      });
    }
    if (shape.major) commands.push({ type: 'ApproveRemedy', complaintId, actor: seniorManager, data: { note: 'Approved.' } });
    commands.push({ type: 'StartExecution', complaintId, actor: technician, data: { note: 'Customer told; car booked in.' } });
    commands.push({ type: 'CompleteExecution', complaintId, actor: technician, data: { outcome: 'Part replaced and tested on the road.' } });
    const satisfied = cycle === shape.reopens;
    commands.push({
      type: 'RecordFollowUp',
      complaintId,
      actor: followUp,
      data: satisfied
        ? { satisfied: true, channel: 'phone', comment: 'Happy with the repair and the call-backs.' }
        : { satisfied: false, channel: 'phone', comment: 'The noise is back.' },
    });
  }

  commands.push({ type: 'AddNote', complaintId, actor: handler, data: { text: 'Customer asked to be called after 6 pm.', visibility: 'internal' } });
  const preventiveFirst = random() < 0.3;
  if (preventiveFirst) {
    commands.push({ type: 'RecordPreventiveAction', complaintId, actor: technician, data: { action: 'Add the clutch check to the A/C repair checklist.' } });
  }
  commands.push({
    type: 'ArchiveComplaint',
    complaintId,
    actor: handler,
    data: preventiveFirst
      ? { summary: 'Resolved after follow-up.' }
      : { summary: 'Resolved after follow-up.', preventiveAction: 'Brief the front desk on quoting repairs in writing.' },
  });
  return commands;
}

/**
 * The lifecycles of `complaints` complaints, interleaved the way a desk works:
 * up to `concurrency` complaints are open at once; at each step one of them,
 * chosen at random, moves on by one command, and a finished one makes room for
 * the next arrival. So complaints sit at every step at once, and each
 * complaint's own commands stay in order.
 */
export function commandStream(options: StreamOptions): CommandStream {
  const random = seededRandom(options.seed ?? 20_260_302);
  const majorShare = options.majorShare ?? 0.25;
  const reopenShare = options.reopenShare ?? 0.15;
  const concurrency = Math.max(1, options.concurrency ?? 200);
  const prefix = options.idPrefix ?? 'C';
  const shapes = { general: 0, major: 0, reopened: 0 };

  let admitted = 0;
  const admit = (): CommandInput[] => {
    const major = random() < majorShare;
    const reopens = random() < reopenShare ? (random() < 0.2 ? 2 : 1) : 0;
    if (major) shapes.major++;
    else shapes.general++;
    if (reopens > 0) shapes.reopened++;
    admitted++;
    // Reversed, so the next command is popped off the end.
    return lifecycle(`${prefix}-${String(admitted).padStart(6, '0')}`, { major, reopens }, random).reverse();
  };

  const open: CommandInput[][] = [];
  while (open.length < concurrency && admitted < options.complaints) open.push(admit());
  const commands: CommandInput[] = [];
  while (open.length > 0) {
    const i = Math.floor(random() * open.length);
    const queue = open[i] as CommandInput[];
    commands.push(queue.pop() as CommandInput);
    if (queue.length > 0) continue;
    if (admitted < options.complaints) {
      open[i] = admit();
    } else {
      // Swap-remove the finished complaint.
      open[i] = open[open.length - 1] as CommandInput[];
      open.pop();
    }
  }
  return { commands, complaints: options.complaints, shapes };
}
