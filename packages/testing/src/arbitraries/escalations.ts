/**
 * Escalation payloads that keep the ladder's rules on the default ladder: a manual
 * escalation at or above the rung the complaint reached (a level of the same rung
 * re-routes it), and a breach the complaint has not escalated for yet.
 */
import { defaultEscalationLadder, ESCALATION_LEVELS, rungOf, type CommandOf } from '@redress/core';
import fc from 'fast-check';
import { text, type CommandContext } from './texts.js';

const rank = (level: (typeof ESCALATION_LEVELS)[number]) => rungOf(defaultEscalationLadder, level) ?? 0;

export const escalationPayload = (c: CommandContext): fc.Arbitrary<CommandOf<'EscalateComplaint'>['data']> => {
  const reached = c.state.escalation?.rank ?? 0;
  const levels = ESCALATION_LEVELS.filter((level) => rank(level) >= reached);
  return fc.record({ level: fc.constantFrom(...(levels.length > 0 ? levels : ESCALATION_LEVELS)), reason: text('reason', c) });
};

const CLOCKS = ['acknowledgement', 'plan', 'agreedDeadline', 'followUp'] as const;

export const breachPayload = (c: CommandContext): fc.Arbitrary<CommandOf<'EscalateOnBreach'>['data']> =>
  fc
    .record({ clock: fc.constantFrom(...CLOCKS), cycle: fc.integer({ min: 1, max: 3 }), reason: text('reason', c) })
    .map(({ clock, cycle, reason }) => {
      // The id an SLA ticker gives a breach; a second breach of the same cycle gets a suffix, so it is a new one.
      const base = `sla:${c.complaintId}:${clock}:${cycle}:breach`;
      const taken = new Set(c.state.escalatedBreaches);
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      return { breach: { id, clock, cycle }, reason: `SLA clock ${clock} breached (cycle ${cycle}): ${reason}` };
    });
