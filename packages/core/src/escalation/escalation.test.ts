import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Command } from '../commands/schema.js';
import { decide } from '../decider/decide.js';
import { evolveAll } from '../decider/evolve.js';
import type { ComplaintState } from '../decider/state.js';
import { CAUSES, ESCALATION_LEVELS, type EscalationLevel } from '../domain/vocabulary.js';
import { WorkflowConfigError } from '../errors/errors.js';
import type { ComplaintEvent } from '../events/schema.js';
import { actors, commandOf, happyPath } from '../test-support/fixtures.js';
import { NOW, stateAfter } from '../test-support/given.js';
import { parseWorkflowConfig } from '../workflow/config.js';
import { defaultEscalationLadder, parseEscalationConfig, type EscalationConfigInput, type EscalationLadderInput } from './ladder.js';

const ID = 'c-1';
const SLA = { id: 'sla', role: 'system' } as const;
/** Received, confirmed, classified general, investigating, cause identified (repair quality). */
const investigating = () => stateAfter(happyPath(ID, NOW).slice(0, 5));
const escalate = (level: EscalationLevel, actor: Command['actor'] = actors.head): Command => ({ type: 'EscalateComplaint', complaintId: ID, actor, data: { level, reason: 'Customer asks for the manager' } });
const breach = (id: string): Command => ({ type: 'EscalateOnBreach', complaintId: ID, actor: SLA, data: { breach: { id, clock: 'plan', cycle: 1 }, reason: 'SLA clock plan breached' } });

function run(state: ComplaintState, command: Command, options: Parameters<typeof decide>[2] = { now: NOW }) {
  const result = decide(state, command, options);
  return { result, state: result.ok ? evolveAll(state, result.value) : state, events: result.ok ? result.value : [] };
}
const levelsOf = (events: readonly ComplaintEvent[]) => events.flatMap((e) => (e.type === 'ComplaintEscalated' ? [e.data.level] : []));

describe('escalation only climbs', () => {
  it('refuses a manual escalation below the level reached, and says where it stands', () => {
    const high = run(investigating(), escalate('headOfficeEngineering')).state;
    const down = run(high, escalate('departmentHead'));
    expect(down.result.ok).toBe(false);
    expect(!down.result.ok && down.result.error).toMatchObject({
      kind: 'IllegalCommand',
      rule: { name: 'escalationClimbs', message: 'the complaint is already at headOfficeEngineering (rung 3); departmentHead is rung 1, and escalation never moves down' },
    });
  });

  it('re-routes within a rung: head-office management to engineering is not down', () => {
    const policy = run(investigating(), escalate('headOfficeManagement')).state;
    const technical = run(policy, escalate('headOfficeEngineering'));
    expect(technical.result.ok).toBe(true);
    expect(technical.state.escalation).toEqual({ level: 'headOfficeEngineering', rank: 3 });
  });

  it('escalates a breach one rung above the highest reached, and records the rung and the breach', () => {
    const first = run(investigating(), breach('b-1'));
    expect(first.events).toEqual([
      { type: 'ComplaintEscalated', data: { level: 'departmentHead', reason: 'SLA clock plan breached', automatic: true, rank: 1, ladder: 'default', breach: { id: 'b-1', clock: 'plan', cycle: 1 } } },
    ]);
    const second = run(first.state, breach('b-2'));
    expect(levelsOf(second.events)).toEqual(['seniorManagement']);
  });

  it('routes the top rung by the cause: a repair-quality problem goes to the head-office engineers', () => {
    let state = run(investigating(), escalate('seniorManagement')).state;
    state = run(state, breach('b-1')).state;
    expect(state.escalation).toEqual({ level: 'headOfficeEngineering', rank: 3 });
    const price = stateAfter([...happyPath(ID, NOW).slice(0, 4), { ...commandOf('IdentifyCause', ID, NOW), data: { cause: 'price', findings: 'Billed twice' } } as Command, escalate('seniorManagement')]);
    expect(run(price, breach('b-1')).state.escalation).toEqual({ level: 'headOfficeManagement', rank: 3 });
  });

  it('escalates a breach once, and refuses at the top of the ladder', () => {
    const once = run(investigating(), breach('b-1')).state;
    expect(run(once, breach('b-1')).result).toMatchObject({ ok: false, error: { rule: { name: 'breachEscalatesOnce', message: 'breach b-1 has already escalated the complaint: a breach escalates once' } } });
    const top = run(investigating(), escalate('headOfficeManagement')).state;
    expect(run(top, breach('b-2')).result).toMatchObject({ ok: false, error: { rule: { message: 'the complaint is already at headOfficeManagement (rung 3), the top of the ladder "default"' } } });
  });

  it('does not report a major complaint to senior management when it is already higher: nothing moves down', () => {
    const high = run(investigating(), escalate('headOfficeEngineering')).state;
    const major = run(high, { ...commandOf('ClassifyComplaint', ID, NOW), actor: actors.head, data: { severity: 'major' } } as Command);
    expect(major.events.map((e) => e.type)).toEqual(['ComplaintClassified']);
    expect(major.state.escalation).toEqual({ level: 'headOfficeEngineering', rank: 3 });
  });

  it('is only for the system: nobody reports a breach by hand', () => {
    expect(run(investigating(), { ...breach('b-1'), actor: actors.head }).result).toMatchObject({ ok: false, error: { kind: 'Forbidden' } });
  });
});

describe('ladders are host data', () => {
  const shortLadder: EscalationLadderInput = {
    name: 'pudong',
    handler: { roles: ['handler'] },
    rungs: [
      { level: 'departmentHead', roles: ['departmentHead'], people: ['zhang.wei'] },
      { level: 'seniorManagement', roles: ['seniorManagement'], people: ['huang.jianguo'] },
    ],
  };

  it('is chosen by branch, then business line, else the default; records its people', () => {
    const config = parseWorkflowConfig({ escalation: { byBranch: { Pudong: shortLadder }, byBusinessLine: { construction: { ...shortLadder, name: 'machines' } } } });
    const receivedAt = (data: object) => stateAfter([{ ...commandOf('ReceiveComplaint', ID, NOW), data: { ...commandOf('ReceiveComplaint', ID, NOW).data, ...data } } as Command]);
    const options = { now: NOW, config };
    const pudong = run(receivedAt({ branch: 'Pudong', businessLine: 'construction' }), breach('b-1'), options);
    expect(pudong.events[0]?.data).toMatchObject({ level: 'departmentHead', ladder: 'pudong', rank: 1, people: ['zhang.wei'] });
    expect(run(receivedAt({ businessLine: 'construction' }), breach('b-1'), options).events[0]?.data).toMatchObject({ ladder: 'machines' });
    expect(run(receivedAt({}), breach('b-1'), options).events[0]?.data).toMatchObject({ ladder: 'default' });
    // Head office is not on the Pudong ladder: neither escalated to by hand, nor past its top by a breach.
    const refused = run(receivedAt({ branch: 'Pudong' }), escalate('headOfficeManagement'), options).result;
    expect(!refused.ok && refused.error.message).toMatch(/headOfficeManagement is not on the escalation ladder "pudong" \(departmentHead → seniorManagement\)/);
  });

  it('has every rung of the domain by default', () => {
    expect(defaultEscalationLadder.rungs.map((rung) => rung.map((t) => t.level))).toEqual([['departmentHead'], ['seniorManagement'], ['headOfficeManagement', 'headOfficeEngineering']]);
    expect(defaultEscalationLadder.handler.roles).toEqual(['handler']);
  });

  it('refuses a ladder that cannot work, naming the rung', () => {
    const bad: EscalationConfigInput = {
      ladder: {
        name: 'bad',
        handler: { roles: ['handler'] },
        rungs: [
          { level: 'departmentHead', roles: ['departmentHead'] },
          [
            { level: 'departmentHead', roles: ['departmentHead'] },
            { level: 'headOfficeEngineering', roles: ['headOfficeEngineering'] },
          ],
        ],
      },
    };
    expect(() => parseEscalationConfig(bad)).toThrow(WorkflowConfigError);
    expect(() => parseEscalationConfig(bad)).toThrow(/departmentHead is already rung 1[\s\S]*rung 2 needs exactly one target without causes/);
  });
});

/** A step of the property: a manual escalation, a breach (ids drawn from few, so some repeat) or a new cause. */
const move = fc.oneof(
  fc.constantFrom(...ESCALATION_LEVELS).map((level) => escalate(level)),
  fc.nat({ max: 5 }).map((n) => breach(`b-${n}`)),
  fc.constantFrom(...CAUSES).map((cause) => ({ ...commandOf('IdentifyCause', ID, NOW), data: { cause, findings: 'Looked again' } }) as Command),
);

test.prop([fc.array(move, { maxLength: 30 })])('any interleaving of manual escalations and breaches: levels never go down, a breach escalates once, refusals only for that', (moves) => {
  let state = investigating();
  const rank = () => state.escalation?.rank ?? 0;
  const escalated = new Set<string>();
  for (const command of moves) {
    const before = rank();
    const step = run(state, command);
    const events = step.events.filter((e) => e.type === 'ComplaintEscalated');
    if (command.type === 'EscalateComplaint') {
      // Oracle: the level's rung on the default ladder, independently of the code under test.
      const wanted = { departmentHead: 1, seniorManagement: 2, headOfficeManagement: 3, headOfficeEngineering: 3 }[command.data.level];
      expect(step.result.ok, `${command.data.level} from rung ${before}`).toBe(wanted >= before);
    }
    if (command.type === 'EscalateOnBreach') {
      const id = command.data.breach.id;
      expect(step.result.ok, `${id} from rung ${before}`).toBe(!escalated.has(id) && before < 3);
      if (step.result.ok) {
        escalated.add(id);
        expect(events.map((e) => e.type === 'ComplaintEscalated' && e.data.rank)).toEqual([before + 1]);
      }
    }
    state = step.state;
    expect(rank()).toBeGreaterThanOrEqual(before);
  }
});
