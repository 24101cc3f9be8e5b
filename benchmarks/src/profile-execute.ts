/**
 * Runs engine.execute() over the benchmark's command stream a number of times,
 * for a CPU profiler. From the repo root:
 *
 *   npx tsx --conditions=@redress/source --cpu-prof --cpu-prof-dir=/tmp/redress-prof benchmarks/src/profile-execute.ts [rounds] [--projections]
 *
 * then open the .cpuprofile in Chrome DevTools (Performance → Load profile) or
 * VS Code. Not a benchmark: it prints only a rough µs/command per round.
 */
import { createEngine, createInMemoryEventStore, createManualClock, queuesProjection, ticketViewProjection, type ComplaintEvent } from '@redress/core';
import { CLOCK_START, CLOCK_STEP_MS, commandStream } from './fixtures.js';

const rounds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 10);
const projections = process.argv.includes('--projections');
const { commands } = commandStream({ complaints: 1_000 });

for (let round = 1; round <= rounds; round++) {
  const store = createInMemoryEventStore<ComplaintEvent>();
  const clock = createManualClock(CLOCK_START);
  const engine = createEngine(projections ? { store, clock, projections: [ticketViewProjection(), queuesProjection()] } : { store, clock });
  const start = process.hrtime.bigint();
  for (const command of commands) {
    clock.advance(CLOCK_STEP_MS);
    const result = await engine.execute(command);
    if (!result.ok) throw result.error;
  }
  const us = Number(process.hrtime.bigint() - start) / 1000 / commands.length;
  process.stdout.write(`round ${round}: ${us.toFixed(2)} µs/command\n`);
}
