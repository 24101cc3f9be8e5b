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
import { fieldsOf, typesOf, type Condition, type Predicate } from './condition.js';
import { durationMs } from './duration.js';
import { matrixEntries, ruleKeys, unreachableRules, type Matrix } from './matrix.js';
import { MATRIX_KEYS, slaConfigSchema, type PolicyConfig } from './schema.js';
import { TICKET_STATE_FIELDS } from './ticket-state.js';

/** A validated configuration, ready to run. */
export interface SlaConfig {
  /**
   * Every calendar by name, built and validated, `24x7` (always open, UTC) included; a clock's `calendar` is looked up
   * here.
   */
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  /** In first-match order. */
  readonly policies: readonly PolicyConfig[];
}

/** A validated configuration as is, or the JSON of one validated (every API taking a config accepts both). */
export const toSlaConfig = (config: SlaConfig | unknown): SlaConfig =>
  typeof config === 'object' && config !== null && (config as SlaConfig).calendars instanceof Map ? (config as SlaConfig) : parseSlaConfig(config);

/**
 * Validates a host's SLA configuration (calendars and policies); throws a typed error naming each problem.
 */
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

/** Two predicates that may hold together for sure: the same, or none on one side. */
const alike = (a: Predicate | undefined, b: Predicate | undefined) => a === undefined || b === undefined || isDeepStrictEqual(a, b);

/** Two conditions that fire on the same events: same type, and the same or no predicates on one side. */
const overlap = (a: Condition, b: Condition): string | undefined => {
  const shared = typesOf(a).find((t) => typesOf(b).includes(t));
  if (shared === undefined) return undefined;
  return alike(a.where, b.where) && alike(a.when, b.when) ? shared : undefined;
};

type ConditionList = 'start' | 'pause' | 'resume' | 'stop' | 'reset' | 'rearm' | 'cancel';
const CONTRADICTIONS: readonly (readonly [ConditionList, ConditionList, string])[] = [
  ['start', 'stop', 'it would stop as it starts'],
  ['start', 'cancel', 'it would be cancelled as it starts'],
  ['start', 'rearm', 'it would wait for a start as it starts (reset ends a cycle and starts the next on one event)'],
  ['pause', 'resume', 'it would resume as it pauses'],
  ['stop', 'cancel', 'an event cannot both meet and cancel it'],
  ['stop', 'rearm', 'an event cannot both meet it and re-arm it'],
  ['rearm', 'cancel', 'an event cannot both re-arm and cancel it'],
  ['reset', 'rearm', 'an event cannot both restart it and make it wait'],
  ['pause', 'stop', 'an event cannot both pause and stop it'],
];

const CONDITION_LISTS: readonly ConditionList[] = ['start', 'pause', 'resume', 'stop', 'reset', 'rearm', 'cancel'];
const STATE_FIELDS: readonly string[] = TICKET_STATE_FIELDS;

/** A state predicate may only read the ticket's state fields. */
const unknownStateField = (p: Predicate): string | undefined => fieldsOf(p).find((f) => !STATE_FIELDS.includes(f));

/** Matrix problems zod cannot see: keys that are not values of their dimension, empty and unreachable rules. */
function matrixIssues(matrix: Matrix): { path: string; message: string }[] {
  if ('by' in matrix) {
    const allowed: readonly string[] = MATRIX_KEYS[matrix.by];
    return Object.keys(matrix.values)
      .filter((key) => !allowed.includes(key))
      .map((key) => ({ path: `target.matrix.values.${key}`, message: `"${key}" is not a ${matrix.by} (${allowed.join(', ')})` }));
  }
  const issues: { path: string; message: string }[] = [];
  const empty = matrix.rules.flatMap((rule, i) => (ruleKeys(rule).length === 0 ? [i] : []));
  for (const i of empty) issues.push({ path: `target.matrix.rules.${i}`, message: 'a rule names at least one of severity, priority, channel (otherwise covers every other ticket)' });
  if (empty.length > 0) return issues;
  for (const { index, takenBy } of unreachableRules(matrix.rules)) {
    const earlier = takenBy.map((i) => `#${i}`).join(', ');
    issues.push({ path: `target.matrix.rules.${index}`, message: `rule #${index} can never apply: every ticket it matches is matched first by rule ${earlier}` });
  }
  return issues;
}

function policyIssues(p: PolicyConfig, calendars: ReadonlyMap<string, BusinessCalendar>): SlaConfigIssue[] {
  const issues: SlaConfigIssue[] = [];
  const names = new Set<string>();
  p.clocks.forEach((c, i) => {
    const at = (path: string, message: string) => issues.push({ path: `clocks.${i}.${path}`, message: `clock ${c.name}: ${message}` });
    if (names.has(c.name)) at('name', 'is defined twice in the policy');
    names.add(c.name);
    if (!calendars.has(c.calendar)) at('calendar', `unknown calendar "${c.calendar}"; known: ${[...calendars.keys()].join(', ')}`);
    for (const [x, y, why] of CONTRADICTIONS) {
      c[x].forEach((a, j) =>
        c[y].forEach((b, k) => {
          const type = overlap(a, b);
          if (type !== undefined) at(`${y}.${k}`, `${type} is both a ${x} (#${j}) and a ${y} condition: ${why}`);
        }),
      );
    }
    for (const list of CONDITION_LISTS) {
      c[list].forEach((cond, k) => {
        const bad = cond.when && unknownStateField(cond.when);
        if (bad) at(`${list}.${k}.when`, `"${bad}" is not a ticket state field (${STATE_FIELDS.join(', ')})`);
      });
    }
    const badPause = c.pauseWhile && unknownStateField(c.pauseWhile);
    if (badPause) at('pauseWhile', `"${badPause}" is not a ticket state field (${STATE_FIELDS.join(', ')})`);
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
    // Every duration the target can give a ticket, checked, so warnings can be held to each.
    const targets: { path: string; duration: string; ms: number | undefined }[] = [];
    const addTarget = (path: string, duration: string) => targets.push({ path, duration, ms: checkDuration(path, duration) });
    if ('duration' in t) addTarget('target.duration', t.duration);
    if ('matrix' in t) {
      for (const issue of matrixIssues(t.matrix)) at(issue.path, issue.message);
      for (const entry of matrixEntries(t.matrix)) addTarget(entry.path, entry.duration);
    }
    if ('deadline' in t && (c.pause.length > 0 || c.pauseWhile !== undefined)) at(c.pause.length > 0 ? 'pause' : 'pauseWhile', 'a deadline agreed with the customer does not pause; renegotiate the deadline instead');
    c.warnings.forEach((w, k) => {
      if (!('before' in w)) return;
      const ms = checkDuration(`warnings.${k}.before`, w.before);
      if (ms === undefined) return;
      for (const target of targets) {
        if (target.ms !== undefined && ms >= target.ms) {
          at(`warnings.${k}.before`, `${w.before} before a target of ${target.duration} (${target.path}) would fire at the start`);
        }
      }
    });
  });
  return issues;
}
