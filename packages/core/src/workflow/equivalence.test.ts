/**
 * The reducer and the machine must never disagree. `evolve` (via `stepAfter`)
 * re-derives the step without running XState, so this property drives both with
 * the same random command sequences and compares them after every command.
 */
import { fc, test } from '@fast-check/vitest';
import { createActor } from 'xstate';
import { expect } from 'vitest';
import { decide } from '../decider/decide.js';
import { evolveAll } from '../decider/evolve.js';
import { initialComplaintState } from '../decider/state.js';
import { complaintEventSchema } from '../events/schema.js';
import type { PermissionPolicy } from '../permissions/matrix.js';
import { NOW } from '../test-support/given.js';
import { chooseCommand, walk } from '../test-support/walk.js';
import { complaintMachine, workflowMachine } from './machine.js';
import { machineAccepts } from './accepts.js';
import { defaultWorkflowConfig, parseWorkflowConfig } from './config.js';
import { parseAuthorityConfig } from '../authority/limits.js';
import { resolveSnapshot, snapshotFor, stepOf } from './snapshot.js';
import { COMMAND_TYPES } from '../commands/schema.js';
import { commandOf } from '../test-support/fixtures.js';

// Roles and duties are not the machine's business: let everyone act so every path is reachable.
const anyone: PermissionPolicy = () => true;

test.prop([walk(80)], { numRuns: 400 })('evolve derives exactly the machine state, command after command', (steps) => {
  const actor = createActor(complaintMachine).start();
  let state = initialComplaintState;
  let clock = Date.parse(NOW);
  for (const step of steps) {
    clock += step.minutes * 60_000;
    const now = new Date(clock).toISOString();
    const command = chooseCommand(state, step, 'c-1', now);
    const event = { type: command.type, command, now } as Parameters<typeof actor.send>[0];

    const machineAccepts = actor.getSnapshot().can(event);
    const decision = decide(state, command, { now, permissions: anyone, duties: false });
    expect(decision.ok, `${command.type} in ${state.step}`).toBe(machineAccepts);

    if (decision.ok) {
      for (const e of decision.value) complaintEventSchema.parse(e);
      state = evolveAll(state, decision.value);
      actor.send(event);
    }
    expect(state.step).toBe(stepOf(actor.getSnapshot().value));
    expect(actor.getSnapshot().context).toEqual(state);
  }
  actor.stop();
});

test.prop([walk(40), fc.nat({ max: 11 })], { numRuns: 200 })(
  'the cached per-step snapshot answers can() exactly as resolveState does',
  (steps, variant) => {
    let state = initialComplaintState;
    let clock = Date.parse(NOW);
    const check = () => {
      const now = new Date(clock).toISOString();
      for (const type of COMMAND_TYPES) {
        const command = commandOf(type, 'c-1', now, variant);
        const event = { type, command, now } as never;
        expect(snapshotFor(state).can(event), `${type} in ${state.step}`).toBe(resolveSnapshot(state).can(event));
      }
    };
    check();
    for (const step of steps) {
      clock += step.minutes * 60_000;
      const now = new Date(clock).toISOString();
      const decision = decide(state, chooseCommand(state, step, 'c-1', now), { now, permissions: anyone, duties: false });
      if (decision.ok) state = evolveAll(state, decision.value);
      check();
    }
  },
);

// A configuration whose guards answer differently from the defaults (authority limits refuse big remedies).
const limited = parseWorkflowConfig({
  authority: parseAuthorityConfig({ limits: [{ role: 'handler', upTo: { value: 100, currency: 'CNY' } }, { role: 'seniorManagement', upTo: { value: 500, currency: 'CNY' } }] }),
});

test.prop([walk(60), fc.nat({ max: 11 }), fc.boolean()], { numRuns: 120 })(
  "the machine's plain twin (machineAccepts) answers exactly as can(), for every command in every state reached",
  (steps, variant, useLimited) => {
    const config = useLimited ? limited : defaultWorkflowConfig;
    const machine = workflowMachine(config);
    let state = initialComplaintState;
    let clock = Date.parse(NOW);
    let accepted = 0;
    let refused = 0;
    const check = () => {
      const now = new Date(clock).toISOString();
      for (const type of COMMAND_TYPES) {
        for (const v of [variant, variant + 1]) {
          const command = commandOf(type, 'c-1', now, v);
          const expected = resolveSnapshot(state, machine).can({ type, command, now } as never);
          expect(machineAccepts({ state, command, now, config }), `${type} (variant ${v}) in ${state.step}`).toBe(expected);
          if (expected) accepted++;
          else refused++;
        }
      }
    };
    check();
    for (const step of steps) {
      clock += step.minutes * 60_000;
      const now = new Date(clock).toISOString();
      const decision = decide(state, chooseCommand(state, step, 'c-1', now), { now, permissions: anyone, duties: false, config });
      if (decision.ok) state = evolveAll(state, decision.value);
      check();
    }
    // Both answers occur: a twin that always said no (or yes) could not pass.
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  },
);

test('the walks reach every step, so the property above covers the whole machine', () => {
  const reached = new Set<string>();
  for (const steps of fc.sample(walk(80), { numRuns: 400, seed: 42 })) {
    let state = initialComplaintState;
    let clock = Date.parse(NOW);
    for (const step of steps) {
      clock += step.minutes * 60_000;
      const now = new Date(clock).toISOString();
      const decision = decide(state, chooseCommand(state, step, 'c-1', now), { now, permissions: anyone, duties: false });
      if (decision.ok) state = evolveAll(state, decision.value);
      reached.add(state.step);
      if (state.cycle > 1) reached.add('reopened');
    }
  }
  expect([...reached].sort()).toEqual(
    ['archived', 'classified', 'confirmed', 'declined', 'executing', 'followingUp', 'investigating', 'none', 'received', 'remedyApproved', 'reopened', 'resolutionProposed', 'withdrawn'],
  );
});
