/** The first clock of ticket `c1` at `now`, after building a log: the view most condition tests read. */
import { rebuildProjection } from '@redress/core';
import { slaProjection } from '../clock/projection.js';
import { ticketClocks } from '../clock/queries.js';
import type { SlaConfigInput } from '../policy/schema.js';
import { testLog } from './log.js';

export async function clockAt(config: SlaConfigInput, build: (log: ReturnType<typeof testLog>) => Promise<void>, now: number) {
  const log = testLog();
  await build(log);
  const { state } = await rebuildProjection(log.store, slaProjection(config));
  const view = ticketClocks(state, 'c1', now)[0];
  if (!view) throw new Error('no clock');
  return { view, state };
}
