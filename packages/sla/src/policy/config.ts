/**
 * Reads a whole SLA configuration: zod first, then the rules zod cannot express
 * (unknown calendars, contradictory conditions, durations a calendar cannot
 * measure). Every problem is reported at once in one `SlaConfigError`; nothing
 * runs on a configuration that failed.
 */
import { isDeepStrictEqual } from 'node:util';
import { alwaysOpenCalendar, createBusinessCalendar, type BusinessCalendar } from '../calendar/calendar.js';
import { ALWAYS_OPEN } from '../calendar/schema.js';
import { issuesFromZod, SlaConfigError, type SlaConfigIssue } from '../errors.js';
import { typesOf, type Condition } from './condition.js';
import { durationMs } from './duration.js';
import { MATRIX_KEYS, slaConfigSchema, type ClockConfig, type PolicyConfig } from './schema.js';

/** A validated configuration, ready to run. */
export interface SlaConfig {
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  /** In first-match order. */
  readonly policies: readonly PolicyConfig[];
}

/** A validated configuration as is, or the JSON of one validated (every API taking a config accepts both). */
export const toSlaConfig = (config: SlaConfig | unknown): SlaConfig =>
  typeof config === 'object' && config !== null && (config as SlaConfig).calendars instanceof Map ? (config as SlaConfig) : parseSlaConfig(config);

export function parseSlaConfig(input: unknown): SlaConfig {
  const parsed = slaConfigSchema.safeParse(input);
  if (!parsed.success) throw new SlaConfigError('config', issuesFromZod(parsed.error));
  const issues: SlaConfigIssue[] = [];
  const calendars = new Map<string, BusinessCalendar>([[ALWAYS_OPEN, alwaysOpenCalendar]]);
  parsed.data.calendars.forEach((c, i) => {
    if (calendars.has(c.name)) issues.push({ path: `calendars.${i}.name`, message: `calendar ${c.name} is defined twice (or is the built-in ${ALWAYS_OPEN})` });
    try {
      calendars.set(c.name, createBusinessCalendar(c));
    } catch (e) {
      if (!(e instanceof SlaConfigError)) throw e;
      issues.push(...e.issues.map((x) => ({ path: `calendars.${i}${x.path ? `.${x.path}` : ''}`, message: x.message })));
    }
  });
  const versions = new Set<string>();
  parsed.data.policies.forEach((p, i) => {
    const key = `${p.name}@${p.version}`;
    if (versions.has(key)) issues.push({ path: `policies.${i}`, message: `policy ${key} is defined twice` });
    versions.add(key);
    issues.push(...policyIssues(p, calendars).map((x) => ({ path: `policies.${i}.${x.path}`, message: x.message })));
  });
  if (issues.length > 0) throw new SlaConfigError('config', issues);
  return { calendars, policies: parsed.data.policies };
}

/** Two conditions that fire on the same events: same type, and the same or no predicate on one side. */
const overlap = (a: Condition, b: Condition): string | undefined => {
  const shared = typesOf(a).find((t) => typesOf(b).includes(t));
  if (shared === undefined) return undefined;
  if (a.where === undefined || b.where === undefined || isDeepStrictEqual(a.where, b.where)) return shared;
  return undefined;
};

const CONTRADICTIONS: readonly (readonly [keyof ClockConfig & string, keyof ClockConfig & string, string])[] = [
  ['start', 'stop', 'it would stop as it starts'],
  ['start', 'cancel', 'it would be cancelled as it starts'],
  ['pause', 'resume', 'it would resume as it pauses'],
  ['stop', 'cancel', 'an event cannot both meet and cancel it'],
  ['pause', 'stop', 'an event cannot both pause and stop it'],
];

function policyIssues(p: PolicyConfig, calendars: ReadonlyMap<string, BusinessCalendar>): SlaConfigIssue[] {
  const issues: SlaConfigIssue[] = [];
  const names = new Set<string>();
  p.clocks.forEach((c, i) => {
    const at = (path: string, message: string) => issues.push({ path: `clocks.${i}.${path}`, message: `clock ${c.name}: ${message}` });
    if (names.has(c.name)) at('name', 'is defined twice in the policy');
    names.add(c.name);
    if (!calendars.has(c.calendar)) at('calendar', `unknown calendar "${c.calendar}"; known: ${[...calendars.keys()].join(', ')}`);
    for (const [x, y, why] of CONTRADICTIONS) {
      (c[x] as Condition[]).forEach((a, j) =>
        (c[y] as Condition[]).forEach((b, k) => {
          const type = overlap(a, b);
          if (type !== undefined) at(`${y}.${k}`, `${type} is both a ${x} (#${j}) and a ${y} condition: ${why}`);
        }),
      );
    }
    if (c.pause.length > 0 && c.resume.length === 0) at('resume', 'pauses but has no resume condition: it would stay paused for ever');
    const days = c.calendar === ALWAYS_OPEN;
    const checkDuration = (path: string, iso: string): number | undefined => {
      const ms = durationMs(iso, days);
      if (typeof ms === 'string') at(path, ms + (days ? '' : ` (calendar ${c.calendar} measures business time)`));
      else if (ms <= 0) at(path, `"${iso}" must be longer than zero`);
      else return ms;
      return undefined;
    };
    const t = c.target;
    let fixed: number | undefined;
    if ('duration' in t) fixed = checkDuration('target.duration', t.duration);
    if ('matrix' in t) {
      const allowed: readonly string[] = MATRIX_KEYS[t.matrix.by];
      checkDuration('target.matrix.otherwise', t.matrix.otherwise);
      for (const [key, iso] of Object.entries(t.matrix.values)) {
        if (!allowed.includes(key)) at(`target.matrix.values.${key}`, `"${key}" is not a ${t.matrix.by} (${allowed.join(', ')})`);
        checkDuration(`target.matrix.values.${key}`, iso);
      }
    }
    if ('deadline' in t && c.pause.length > 0) at('pause', 'a deadline agreed with the customer does not pause; renegotiate the deadline instead');
    c.warnings.forEach((w, k) => {
      if (!('before' in w)) return;
      const ms = checkDuration(`warnings.${k}.before`, w.before);
      if (ms !== undefined && fixed !== undefined && ms >= fixed) at(`warnings.${k}.before`, `${w.before} before a target of ${('duration' in t && t.duration) || ''} would fire at the start`);
    });
  });
  return issues;
}
