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
});
