/**
 * `executeTrusted` skips only zod: for any valid input, handing it `commandSchema.parse(input)`
 * must write and return exactly what `execute(input)` does, refusals, repeats and reused
 * command ids included. Two engines with the same ids and clock run the same walk side by
 * side and are compared result by result, then log against log and view against view.
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { commandSchema, type CommandInput } from '../commands/schema.js';
import { initialComplaintState } from '../decider/state.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';
import { chooseCommand, walk } from '../test-support/walk.js';

/** Surrounding spaces on every top-level text of the data: zod trims texts (valid) and refuses padded ids (invalid). */
const padded = (data: object): object =>
  Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? `  ${v} ` : v]));

const tally = { compared: 0, refused: 0, repeats: 0, invalid: 0, conflicts: 0 };

const extras = fc.array(fc.record({ pad: fc.nat({ max: 3 }).map((n) => n === 0), id: fc.nat({ max: 5 }) }), { minLength: 40, maxLength: 40 });

test.prop([walk(40), extras], { numRuns: 60 })(
  'executeTrusted(commandSchema.parse(input)) writes and returns exactly what execute(input) does',
  async (steps, extra) => {
    const checked = testEngine();
    const trusted = testEngine();
    let state = initialComplaintState;
    let clock = Date.parse(NOW);
    const commandIds: string[] = [];
    let previous: CommandInput | undefined;
    let version = 0;
    for (const [i, step] of steps.entries()) {
      clock += step.minutes * 60_000;
      checked.clock.set(new Date(clock));
      trusted.clock.set(new Date(clock));
      const now = new Date(clock).toISOString();
      const { pad, id } = extra[i] ?? { pad: false, id: 5 };
      let input: CommandInput = chooseCommand(state, step, 'c-1', now);
      if (pad && input.data !== undefined) input = { ...input, data: padded(input.data) } as CommandInput;
      // Sometimes a command id of its own, sometimes one sent before (a retry, or a reuse for another command).
      if (id === 0 && commandIds.length > 0) input = { ...input, commandId: commandIds[step.pick % commandIds.length] };
      else if (id === 1) {
        input = { ...input, commandId: `cmd-${i}` };
        commandIds.push(`cmd-${i}`);
      } else if (id === 2 && previous?.commandId !== undefined) input = previous; // a retry of the last command, as sent
      // A caller's expected version: the one last seen, or a stale one.
      else if (id === 3 || id === 4) input = { ...input, expectedVersion: id === 3 ? version : version + 1 };
      previous = input;

      const parsed = commandSchema.safeParse(input);
      const viaZod = await checked.engine.execute(input);
      if (!parsed.success) {
        expect(viaZod.ok).toBe(false);
        tally.invalid++;
        continue;
      }
      const viaHost = await trusted.engine.executeTrusted(parsed.data);
      expect(viaHost).toEqual(viaZod);
      tally.compared++;
      if (!viaZod.ok) {
        tally.refused++;
        if (viaZod.error.kind === 'ConcurrencyConflict') tally.conflicts++;
      }
      else {
        if (viaZod.value.duplicate) tally.repeats++;
        state = viaZod.value.state;
        version = viaZod.value.version;
      }
    }
    expect(await trusted.store.readAll(1, 1_000_000)).toEqual(await checked.store.readAll(1, 1_000_000));
    expect(trusted.engine.view(trusted.tickets)).toEqual(checked.engine.view(checked.tickets));
  },
);

test('the walks above compare accepted, refused, repeated and invalid commands', () => {
  // Runs after the property (tests in a file run in order): it did not pass by comparing nothing.
  expect(tally.compared).toBeGreaterThan(500);
  expect(tally.refused).toBeGreaterThan(10);
  expect(tally.repeats).toBeGreaterThan(5);
  expect(tally.invalid).toBeGreaterThan(10);
  expect(tally.conflicts).toBeGreaterThan(10);
});

test("executeTrusted never writes to the host's command", async () => {
  const { engine } = testEngine();
  const command = commandSchema.parse(chooseCommand(initialComplaintState, { pick: 0, variant: 0, wild: false, minutes: 0 }, 'c-1', NOW));
  const before = structuredClone(command);
  const result = await engine.executeTrusted(command);
  expect(result.ok).toBe(true);
  expect(command).toEqual(before);
});
