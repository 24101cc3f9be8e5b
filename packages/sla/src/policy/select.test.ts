import { describe, expect, it } from 'vitest';
import { rebuildProjection } from '@redress/core';
import { slaProjection } from '../clock/projection.js';
import { H, T0, testLog } from '../test-support/log.js';
import { parseSlaConfig } from './config.js';
import { selectPolicy } from './select.js';

const policy = (name: string, version: number, extra: Record<string, unknown> = {}) => ({
  name,
  version,
  clocks: [{ name: 'c', calendar: '24x7', start: [{ on: 'ComplaintReceived' }], target: { duration: `PT${version}H` } }],
  ...extra,
});

describe('choosing a policy', () => {
  const config = parseSlaConfig({
    policies: [
      policy('hotline', 1, { match: { field: 'channel', in: ['hotline', 'phone'] } }),
      policy('standard', 1),
      policy('standard', 2, { effectiveFrom: new Date(T0 + 10 * H).toISOString() }),
    ],
  });

  it('takes the first policy whose match holds', () => {
    expect(selectPolicy(config.policies, { channel: 'phone' }, T0)?.name).toBe('hotline');
    expect(selectPolicy(config.policies, { channel: 'email' }, T0)?.name).toBe('standard');
  });

  it('takes the version in force at receipt', () => {
    expect(selectPolicy(config.policies, { channel: 'email' }, T0)?.version).toBe(1);
    expect(selectPolicy(config.policies, { channel: 'email' }, T0 + 10 * H)?.version).toBe(2);
  });

  it('pins the version on the ticket: a newer version does not change running clocks', async () => {
    const log = testLog();
    await log.add('old', T0, 'ComplaintReceived', { channel: 'email' });
    await log.add('new', T0 + 11 * H, 'ComplaintReceived', { channel: 'email' });
    const { state } = await rebuildProjection(log.store, slaProjection(config));
    expect(state.tickets.get('old')?.policy).toEqual({ name: 'standard', version: 1 });
    expect(state.tickets.get('new')?.policy).toEqual({ name: 'standard', version: 2 });
    expect(state.tickets.get('old')?.clocks[0]?.cycles[0]?.targetMs).toBe(H);
  });

  it('leaves a complaint no policy matches without clocks', async () => {
    const only = parseSlaConfig({ policies: [policy('hotline', 1, { match: { not: { field: 'channel', equals: 'email' } } })] });
    const log = testLog();
    await log.add('x', T0, 'ComplaintReceived', { channel: 'email' });
    const { state } = await rebuildProjection(log.store, slaProjection(only));
    expect(state.tickets.get('x')).toMatchObject({ policy: undefined, clocks: [] });
  });
});
