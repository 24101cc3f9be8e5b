/**
 * Runs engine.execute() over the benchmark's command stream a number of times,
 * for a CPU profiler. From the repo root:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/redress-prof benchmarks/dist/profile-execute.js [rounds] [--projections] [--trusted]
 *
 * then open the .cpuprofile in Chrome DevTools (Performance → Load profile) or
 * VS Code (after `node .ci/pnpm.mjs run build` and the benchmarks' `build`). `--trusted`:
 * through `executeTrusted()`, the commands parsed beforehand. Not a benchmark: it prints
 * only a rough µs/command per round.
 */
import { commandSchema, createEngine, createInMemoryEventStore, createManualClock, queuesProjection, ticketViewProjection, type ComplaintEvent } from '@redress/core';
import { CLOCK_START, CLOCK_STEP_MS, commandStream } from './fixtures.js';

const rounds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 10);
const projections = process.argv.includes('--projections');
const trusted = process.argv.includes('--trusted');
const { commands } = commandStream({ complaints: 1_000 });
const validated = commands.map((c) => commandSchema.parse(c));

for (let round = 1; round <= rounds; round++) {
  const store = createInMemoryEventStore<ComplaintEvent>();
  const clock = createManualClock(CLOCK_START);
  const engine = createEngine(projections ? { store, clock, projections: [ticketViewProjection(), queuesProjection()] } : { store, clock });
  const start = process.hrtime.bigint();
  for (let i = 0; i < commands.length; i++) {
    clock.advance(CLOCK_STEP_MS);
    const result = trusted ? await engine.executeTrusted(validated[i] as (typeof validated)[number]) : await engine.execute(commands[i] as (typeof commands)[number]);
    if (!result.ok) throw result.error;
  }
  const us = Number(process.hrtime.bigint() - start) / 1000 / commands.length;
  process.stdout.write(`round ${round}: ${us.toFixed(2)} µs/command\n`);
}
