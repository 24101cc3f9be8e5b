import { describe, expect, it } from 'vitest';
import { SlaConfigError } from '../errors.js';
import { parseSlaConfig } from './config.js';
import { defaultSlaConfig } from './default-policy.js';
import { oneClock } from '../test-support/log.js';

const issuesOf = (input: unknown): string[] => {
  try {
    parseSlaConfig(input);
  } catch (e) {
    if (e instanceof SlaConfigError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
};

describe('SLA configuration', () => {
  it('accepts the default configuration', () => {
    const config = parseSlaConfig(defaultSlaConfig());
    expect(config.policies[0]?.clocks.map((c) => c.name)).toEqual(['acknowledgement', 'resolution', 'remedy', 'followUp']);
    expect([...config.calendars.keys()]).toEqual(['24x7', 'service-hours']);
  });

  it('refuses a clock whose start condition is also its stop condition', () => {
    expect(issuesOf(oneClock({ stop: [{ on: 'ComplaintReceived' }] }))).toEqual([
      'policies.0.clocks.0.stop.0: clock c: ComplaintReceived is both a start (#0) and a stop condition: it would stop as it starts',
    ]);
  });

  it('accepts the same event type in start and stop when the predicates tell them apart', () => {
    expect(
      issuesOf(
        oneClock({
          start: [{ on: 'CustomerContactLogged', where: { field: 'direction', equals: 'inbound' } }],
          stop: [{ on: 'CustomerContactLogged', where: { field: 'direction', equals: 'outbound' } }],
        }),
      ),
    ).toEqual([]);
  });

  it('refuses pause = resume, pause without resume, and a paused deadline', () => {
    expect(issuesOf(oneClock({ pause: [{ on: 'WaitingOnCustomerStarted' }], resume: [{ on: 'WaitingOnCustomerStarted' }] }))).toHaveLength(1);
    expect(issuesOf(oneClock({ pause: [{ on: 'WaitingOnCustomerStarted' }] }))[0]).toMatch(/no resume condition/);
    expect(
      issuesOf(
        oneClock({
          pause: [{ on: 'WaitingOnCustomerStarted' }],
          resume: [{ on: 'WaitingOnCustomerEnded' }],
          target: { deadline: { field: 'agreedDeadline', from: [{ on: 'ResolutionProposed' }] } },
        }),
      )[0],
    ).toMatch(/does not pause/);
  });

  it('refuses unknown calendars, negative or zero durations, days on a business calendar and bad matrix keys', () => {
    expect(issuesOf(oneClock({ calendar: 'nowhere' }))[0]).toMatch(/unknown calendar "nowhere"/);
    expect(issuesOf(oneClock({ target: { duration: '-PT4H' } }))[0]).toMatch(/negative/);
    expect(issuesOf(oneClock({ target: { duration: 'PT0S' } }))[0]).toMatch(/longer than zero/);
    expect(issuesOf(oneClock({ target: { duration: 'P1M' } }))[0]).toMatch(/no fixed length/);
    expect(issuesOf(defaultSlaConfig({ acknowledgement: { general: 'P1D' } }))[0]).toMatch(/days, which are ambiguous in business time/);
    expect(issuesOf(oneClock({ target: { matrix: { by: 'severity', values: { critical: 'PT1H' }, otherwise: 'PT4H' } } }))[0]).toMatch(
      /"critical" is not a severity/,
    );
    expect(issuesOf(oneClock({ warnings: [{ before: 'PT10H' }] }))[0]).toMatch(/would fire at the start/);
  });

  it('refuses unknown event types, fields and duplicate names through zod, listing every problem', () => {
    const issues = issuesOf({
      policies: [
        { name: 'p', version: 1, clocks: [{ name: 'c', calendar: '24x7', start: [{ on: 'ComplaintExploded' }], target: { duration: 'PT1H' }, colour: 'red' }] },
      ],
    });
    expect(issues.length).toBeGreaterThanOrEqual(2);
    const dup = oneClock({});
    expect(issuesOf({ ...dup, policies: [...(dup.policies ?? []), ...(dup.policies ?? [])] })).toEqual(['policies.1: policy p@1 is defined twice']);
    expect(() => parseSlaConfig({ policies: [] })).toThrow(SlaConfigError);
  });

  it('holds every "before" warning to every target it can apply to, naming the target', () => {
    const matrix = { matrix: { rules: [{ severity: 'major', priority: 'P1', duration: 'PT1H' }, { channel: 'hotline', duration: 'PT3H' }], otherwise: 'PT8H' } };
    expect(issuesOf(oneClock({ target: matrix, warnings: [{ before: 'PT2H' }] }))).toEqual([
      'policies.0.clocks.0.warnings.0.before: clock c: PT2H before a target of PT1H (target.matrix.rules.0) would fire at the start',
    ]);
    expect(issuesOf(oneClock({ target: matrix, warnings: [{ before: 'PT3H' }] }))).toEqual([
      'policies.0.clocks.0.warnings.0.before: clock c: PT3H before a target of PT1H (target.matrix.rules.0) would fire at the start',
      'policies.0.clocks.0.warnings.0.before: clock c: PT3H before a target of PT3H (target.matrix.rules.1) would fire at the start',
    ]);
    expect(issuesOf(oneClock({ target: matrix, warnings: [{ before: 'PT59M' }] }))).toEqual([]);
    expect(issuesOf(oneClock({ target: { matrix: { by: 'priority', values: { P1: 'PT30M' }, otherwise: 'PT4H' } }, warnings: [{ before: 'PT30M' }] }))[0]).toMatch(
      /PT30M before a target of PT30M \(target\.matrix\.values\.P1\)/,
    );
  });

  it('refuses matrix rules that name nothing, values that do not exist, and rules an earlier one hides', () => {
    const rules = (list: object[]) => oneClock({ target: { matrix: { rules: list, otherwise: 'PT8H' } } });
    expect(issuesOf(rules([{ duration: 'PT1H' }]))).toEqual([
      'policies.0.clocks.0.target.matrix.rules.0: clock c: a rule names at least one of severity, priority, channel (otherwise covers every other ticket)',
    ]);
    expect(issuesOf(rules([{ priority: 'P5', duration: 'PT1H' }])).length).toBeGreaterThan(0);
    expect(issuesOf(rules([{ severity: 'major', duration: 'PT1H' }, { severity: 'major', priority: ['P1', 'P2'], duration: 'PT2H' }]))).toEqual([
      'policies.0.clocks.0.target.matrix.rules.1: clock c: rule #1 can never apply: every ticket it matches is matched first by rule #0',
    ]);
    // Hidden by two earlier rules together.
    expect(issuesOf(rules([{ severity: 'general', duration: 'PT1H' }, { severity: 'major', duration: 'PT2H' }, { priority: 'P1', duration: 'PT3H' }]))[0]).toMatch(
      /rule #2 can never apply: every ticket it matches is matched first by rule #0, #1/,
    );
    // Narrower first, broader after: both reachable.
    expect(issuesOf(rules([{ severity: 'major', priority: 'P1', duration: 'PT1H' }, { severity: 'major', duration: 'PT2H' }]))).toEqual([]);
    expect(issuesOf(rules([{ priority: ['P1', 'P2'], duration: 'PT1H' }, { priority: ['P2', 'P3'], duration: 'PT2H' }]))).toEqual([]);
    expect(issuesOf(oneClock({ target: { matrix: { by: 'priority', values: { P9: 'PT1H' }, otherwise: 'PT4H' } } }))[0]).toMatch(/"P9" is not a priority/);
  });

  it('refuses ticket-state predicates on fields the ticket does not have, and a deadline paused by state', () => {
    expect(issuesOf(oneClock({ pauseWhile: { field: 'waitng', equals: true } }))[0]).toMatch(/pauseWhile: clock c: "waitng" is not a ticket state field \(waiting, /);
    expect(issuesOf(oneClock({ stop: [{ on: 'NoteAdded', when: { not: { field: 'remedy.kind', exists: true } } }] }))[0]).toMatch(/stop\.0\.when: clock c: "remedy\.kind" is not a ticket state field/);
    expect(issuesOf(oneClock({ pauseWhile: { field: 'waiting', equals: true }, target: { deadline: { field: 'agreedDeadline', from: [{ on: 'ResolutionProposed' }] } } }))[0]).toMatch(
      /pauseWhile: clock c: a deadline agreed with the customer does not pause/,
    );
  });

  it('refuses a rearm condition that is also a start, stop, reset or cancel', () => {
    expect(issuesOf(oneClock({ rearm: [{ on: 'ComplaintReceived' }] }))[0]).toMatch(/ComplaintReceived is both a start \(#0\) and a rearm condition/);
    expect(issuesOf(oneClock({ stop: [{ on: 'RemedyRejected' }], rearm: [{ on: 'RemedyRejected' }] }))[0]).toMatch(/both a stop \(#0\) and a rearm condition/);
    // Told apart by the ticket's state: accepted.
    expect(
      issuesOf(oneClock({ stop: [{ on: 'RemedyRejected', when: { field: 'severity', equals: 'general' } }], rearm: [{ on: 'RemedyRejected', when: { field: 'severity', equals: 'major' } }] })),
    ).toEqual([]);
  });
});

