/**
 * Routing by problem type through the public API: to the host's groups, apart from
 * escalation (neither moves the other), both recorded; an unknown type is refused.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { WorkflowConfigError } from '../errors/errors.js';
import { actors, commandOf } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';
import { parseRoutingConfig, type RoutingConfig } from './routing.js';

const ID = 'c-1';
const route = (problemType: string) => ({ type: 'RouteComplaint', complaintId: ID, actor: actors.frontDesk, data: { problemType } }) as const;

async function received(options: { routing?: RoutingConfig } = {}) {
  const t = testEngine(options);
  await t.engine.executeOrThrow({ ...commandOf('ReceiveComplaint', ID, NOW, 0), actor: actors.frontDesk });
  return { ...t, ticket: () => t.engine.view(t.tickets).get(ID) };
}

describe('routing by problem type', () => {
  it('sends technical problems to the engineers and policy problems to head-office management, by default', async () => {
    const s = await received();
    await s.engine.executeOrThrow(route('technical'));
    expect(s.ticket()).toMatchObject({ routedTo: 'rapidResponseEngineers', escalation: null });
    s.clock.advance(60_000);
    await s.engine.executeOrThrow(route('policyProcess'));
    const log = (await s.store.readStream(ID, 1)).filter((e) => e.type === 'ComplaintRouted').map((e) => e.data);
    expect(log).toEqual([
      { problemType: 'technical', group: 'rapidResponseEngineers', previousGroup: null, routing: 'default' },
      { problemType: 'policyProcess', group: 'headOfficeManagement', previousGroup: 'rapidResponseEngineers', routing: 'default' },
    ]);
    expect(s.ticket()?.routings.map((r) => r.group)).toEqual(['rapidResponseEngineers', 'headOfficeManagement']);
  });

  it('is apart from escalation: an escalation keeps the routing, a routing keeps the level', async () => {
    const s = await received();
    await s.engine.executeOrThrow(route('technical'));
    await s.engine.executeOrThrow({ type: 'EscalateComplaint', complaintId: ID, actor: actors.frontDesk, data: { level: 'departmentHead', reason: 'third call' } });
    expect(s.ticket()).toMatchObject({ routedTo: 'rapidResponseEngineers', escalation: { level: 'departmentHead' } });
    await s.engine.executeOrThrow(route('policyProcess'));
    expect(s.ticket()).toMatchObject({ routedTo: 'headOfficeManagement', escalation: { level: 'departmentHead' }, escalations: ['departmentHead'] });
  });

  it('routes to the host’s own groups, with their people, and refuses a type no group takes, writing nothing', async () => {
    const routing = parseRoutingConfig({ name: 'station-7', groups: [{ id: 'bodyShop', problemTypes: ['paint', 'dent'], people: ['bs-ma'] }] });
    const s = await received({ routing });
    await s.engine.executeOrThrow(route('dent'));
    const before = (await s.store.readStream(ID, 1)).length;
    expect((await s.store.readStream(ID, 1)).at(-1)?.data).toMatchObject({ group: 'bodyShop', people: ['bs-ma'], routing: 'station-7' });
    const refused = await s.engine.execute(route('technical'));
    expect(!refused.ok && refused.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'problemTypeRouted' } });
    expect(!refused.ok && refused.error.message).toContain('routing station-7 knows paint, dent');
    expect((await s.store.readStream(ID, 1)).length).toBe(before);
  });

  it('refuses a routing that sends one problem type to two groups', () => {
    expect(() => parseRoutingConfig({ name: 'x', groups: [{ id: 'a', problemTypes: ['t'] }, { id: 'b', problemTypes: ['t'] }] })).toThrow(WorkflowConfigError);
    expect(() => parseRoutingConfig({ name: 'x', groups: [{ id: 'a', problemTypes: ['t'] }, { id: 'b', problemTypes: ['t'] }] })).toThrow(/routed to a already/);
  });
});

describe('over any interleaving of routings and escalations', () => {
  test.prop([fc.array(fc.oneof(fc.constantFrom('technical', 'policyProcess', 'design', 'unknown').map((t) => ({ route: t })), fc.constantFrom('departmentHead', 'seniorManagement').map((l) => ({ escalate: l }))), { maxLength: 12 })], { numRuns: 40 })(
    'the group is the last routing’s and the level the highest escalation’s, each untouched by the other',
    async (moves) => {
      const s = await received();
      const groupOf: Record<string, string> = { technical: 'rapidResponseEngineers', policyProcess: 'headOfficeManagement', design: 'researchEngineers' };
      let group: string | null = null;
      const levels: string[] = [];
      for (const move of moves) {
        if ('route' in move) {
          const result = await s.engine.execute(route(move.route));
          expect(result.ok).toBe(move.route in groupOf);
          if (result.ok) group = groupOf[move.route] ?? null;
        } else {
          const result = await s.engine.execute({ type: 'EscalateComplaint', complaintId: ID, actor: actors.frontDesk, data: { level: move.escalate, reason: 'again' } });
          // Escalation only climbs: senior management is above the department head.
          if (result.ok) levels.push(move.escalate);
        }
        expect(s.ticket()?.routedTo).toBe(group);
        expect(s.ticket()?.escalations).toEqual(levels);
      }
    },
  );
});
