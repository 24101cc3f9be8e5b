/**
 * One step of a model-based run: execute a command on one complaint, then check the
 * reference model's predictions and every invariant, and when one fails tell the
 * complaint's story with the payload fields the failing check read. The harness
 * (`harness.ts`) generates the steps; this is what each does.
 */
import { commandSchema, type Command, type ExecuteResult } from '@redress/core';
import { calendarTime, formatStep, type TimeStep } from '../arbitraries/clocks.js';
import type { InvalidCommand } from '../arbitraries/invalid.js';
import { stepMove } from '../arbitraries/walk.js';
import { CURRENT, fieldsRead, formatFields, stateChange, type FieldsRead } from './explain.js';
import type { WorkflowModel, WorkflowModelOptions, WorkflowSystem } from './harness.js';
import { invariantCatalogue, type InvariantContext } from './invariants.js';
import { modelAfter, modelOffers, modelRefusal, type ModelTicket } from './reference-model.js';

/** Thrown when the engine disagrees with the reference model or breaks an invariant. */
export class WorkflowPropertyError extends Error {
  /**
   * The class name, so fast-check's report and test runners print it; the message tells the complaint's story and what
   * went wrong.
   */
  override readonly name = 'WorkflowPropertyError';
}

function summary(label: string, command: Command | unknown, result: ExecuteResult): string {
  const c = command as Partial<Command>;
  const who = c.actor ? ` by ${c.actor.id} (${c.actor.role})` : '';
  const outcome = result.ok ? `→ ${result.value.events.map((e) => e.type).join(' + ')}` : `✗ ${result.error.kind}${'rule' in result.error && result.error.rule ? ` (${result.error.rule.name})` : ''}`;
  return `${label} ${typeof c.type === 'string' ? c.type : '?'}${who} ${outcome}`;
}

/** The fields read from the current command and from the events it appended. */
function merged(reads: FieldsRead, commandId: string | undefined): ReadonlyMap<string, unknown> {
  return new Map([...(reads.get(CURRENT) ?? []), ...(reads.get(commandId ?? '') ?? [])]);
}

/** Executes one command on one complaint and checks the model and the invariants. */
export async function step(
  options: WorkflowModelOptions,
  model: WorkflowModel,
  real: WorkflowSystem,
  index: number,
  time: TimeStep,
  build: (ticket: ModelTicket, now: string) => { command: Command | unknown; expectRefusal?: InvalidCommand },
  said: (line: string) => void,
): Promise<void> {
  const ticket = model.tickets[index] as ModelTicket;
  const { complaintId } = ticket;
  real.clock.set((options.advance ?? calendarTime)(real.clock.now(), time));
  const now = real.clock.now();
  const { command, expectRefusal } = build(ticket, now.toISOString());

  const before = await real.store.readStream(complaintId);
  const logLengthBefore = (await real.store.readAll(1)).length;
  if (options.facts && commandSchema.safeParse(command).success) for (const source of options.facts) await source.prepare(real.store, command as Command);
  const result = await real.engine.execute(command as Command);
  const stream = await real.store.readStream(complaintId);
  const log = await real.store.readAll(1);

  const line = summary(`${formatStep(time)} #${index}`, command, result);
  said(line);
  const history = real.history.get(complaintId) ?? [];
  history.push(line);
  real.history.set(complaintId, history);
  const trail = real.trail.get(complaintId) ?? [];
  trail.push({ line, commandId: result.ok ? result.value.commandId : undefined, say: said });
  real.trail.set(complaintId, trail);
  const story = (reads: FieldsRead = new Map()) =>
    trail
      .map((entry, i) => {
        const fields = formatFields(i === trail.length - 1 ? merged(reads, entry.commandId) : reads.get(entry.commandId ?? ''));
        if (fields !== '') entry.say(`${entry.line}${fields}`);
        return `  ${entry.line}${fields}`;
      })
      .join('\n');
  const fail = (what: string, reads?: FieldsRead): never => {
    throw new WorkflowPropertyError(
      `${what}\ncomplaint #${index} (${complaintId}) went through:\n${story(reads)}\nthe last command took it from ${stateChange(before, stream)}`,
    );
  };

  // The reference model's predictions.
  if (expectRefusal && (result.ok || result.error.kind !== expectRefusal.expected)) {
    fail(`expected a ${expectRefusal.expected} refusal (${expectRefusal.why}), got ${result.ok ? 'acceptance' : result.error.kind}`);
  }
  const type = (command as Partial<Command>).type;
  if (result.ok && !result.value.duplicate) {
    const accepted = command as Command;
    if (!modelOffers(ticket.step, accepted.type)) fail(`the engine accepted ${accepted.type} in step "${ticket.step}", where the reference model does not offer it`);
    const refusal = modelRefusal(ticket, accepted.type, options.responsibility);
    if (refusal !== null) fail(`the engine accepted ${accepted.type} in step "${ticket.step}", which the reference model refuses: ${refusal}`);
    const expected = modelAfter(ticket, accepted, options.classification);
    const actual = result.value.state;
    if (actual.step !== expected.step || actual.cycle !== expected.cycle || (actual.severity ?? null) !== expected.severity) {
      fail(
        `after ${accepted.type} the model expects step "${expected.step}", cycle ${expected.cycle}, severity ${String(expected.severity)}; ` +
          `the engine has step "${actual.step}", cycle ${actual.cycle}, severity ${String(actual.severity)}`,
      );
    }
    options.coverage?.recordTransition(ticket.step, accepted.type, expected.step);
    model.taken.add(stepMove(ticket.step, accepted.type));
    model.tickets[index] = expected;
  } else if (!result.ok) {
    options.coverage?.recordRefusal(result.error.kind);
    if (typeof type === 'string' && result.error.kind === 'IllegalCommand' && result.error.rule === undefined && modelOffers(ticket.step, result.error.commandType)) {
      fail(`the engine says ${type} is not offered in step "${ticket.step}", but the reference model offers it`);
    }
    if (result.error.kind === 'IllegalCommand' && result.error.rule?.name === 'responsibilityAttributed' && modelRefusal(ticket, result.error.commandType, options.responsibility) === null) {
      fail(`the engine refused ${result.error.commandType} for want of a responsible party, but the reference model has one recorded (or the host opted out)`);
    }
  }

  const context: InvariantContext = {
    complaintId,
    command,
    result,
    before,
    stream,
    logLengthBefore,
    log,
    now,
    store: real.store,
    engine: real.engine,
    projections: real.projections,
    engineOptions: real.engineOptions,
  };
  for (const inv of options.invariants ?? invariantCatalogue) {
    const violation = await inv.check(context);
    if (violation !== null) fail(`invariant ${inv.name} violated: ${inv.description}.\n  ${violation}\n(each command shows the payload fields ${inv.name} read)`, await fieldsRead(inv, context));
  }
}

