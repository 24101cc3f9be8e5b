/**
 * A service desk for tests that go through the public API: the core engine on an
 * in-memory store with a manual clock, commands issued by an actor the default
 * permission matrix allows (a handler is assigned first and does the handler's work).
 */
import {
  createEngine,
  createInMemoryEventStore,
  createManualClock,
  defaultPermissionMatrix,
  type Actor,
  type CommandInput,
  type CommandType,
  type ComplaintEvent,
} from '@redress/core';

type Data<T extends CommandType> = Extract<CommandInput, { type: T }>['data'];

export function desk(startIso: string) {
  const store = createInMemoryEventStore<ComplaintEvent>();
  const clock = createManualClock(startIso);
  const engine = createEngine({ store, clock });
  const actorFor = (type: CommandType): Actor => {
    const roles = defaultPermissionMatrix[type];
    const role = roles.includes('handler') ? 'handler' : (roles[0] ?? 'handler');
    return { id: role === 'handler' ? 'h-li' : `${role}-1`, role };
  };
  return {
    store,
    clock,
    engine,
    /** Executes a command on `complaintId` at the clock's instant; throws if refused. */
    async run<T extends CommandType>(complaintId: string, type: T, data: Data<T>): Promise<void> {
      await engine.executeOrThrow({ type, complaintId, actor: actorFor(type), data } as CommandInput);
    },
    /** Moves the clock by `ms`. */
    later(ms: number): void {
      clock.advance(ms);
    },
  };
}

export const fullAcknowledgement = { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true };

/** Receives, assigns, confirms, classifies and investigates a complaint up to its cause and the responsible party (分清责任, required before a proposal). */
export async function openComplaint(d: ReturnType<typeof desk>, id: string, severity: 'general' | 'major' = 'general'): Promise<void> {
  await d.run(id, 'ReceiveComplaint', { customer: { reference: 'cust-1' }, channel: 'phone', description: 'Noise after service', demand: 'Fix it', acknowledgement: fullAcknowledgement });
  await d.run(id, 'AssignHandler', { handlerId: 'h-li', reason: 'initial' });
  await d.run(id, 'ConfirmComplaint', { summary: 'Rattle from the engine bay since the service' });
  await d.run(id, 'ClassifyComplaint', { severity });
  await d.run(id, 'StartInvestigation', {});
  await d.run(id, 'IdentifyCause', { cause: 'repairQuality', findings: 'A heat shield bolt was left loose' });
  await d.run(id, 'AttributeResponsibility', { party: { kind: 'department', id: 'workshop-1', name: 'Workshop 1' }, reason: 'The bolt was not torqued' });
}
