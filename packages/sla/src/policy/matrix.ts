/**
 * Matrix targets: a duration by any combination of the ticket's severity, priority
 * and channel. Rules are tried in order and the first whose every key matches
 * wins (first match, as help desks order their SLA goals); `otherwise` covers the
 * rest. The one-key form `{ by, values }` is the same thing with one rule per value.
 */
import { MATRIX_KEYS, type MatrixKey, type MatrixRule, type Target } from './schema.js';

/**
 * A matrix target's table: either `{ rules, otherwise }` (ordered rules keyed on any of severity, priority and
 * channel, first full match wins) or the one-key shorthand `{ by, values, otherwise }`.
 */
export type Matrix = Extract<Target, { matrix: unknown }>['matrix'];

/** What a matrix target reads from the ticket. */
export interface MatrixAttributes {
  /** The ticket's current severity (`general` until classified). */
  readonly severity: string;
  /** Undefined when the classification recorded none: then no rule keyed on priority matches. */
  readonly priority: string | undefined;
  /** The intake channel recorded at receipt. */
  readonly channel: string;
}

const KEYS: readonly MatrixKey[] = ['severity', 'priority', 'channel'];

const valuesOf = (rule: MatrixRule, key: MatrixKey): readonly string[] | undefined => {
  const v = rule[key];
  return v === undefined ? undefined : typeof v === 'string' ? [v] : v;
};

/** The rule's keys and the values each accepts. */
export const ruleKeys = (rule: MatrixRule): [MatrixKey, readonly string[]][] =>
  KEYS.flatMap((k) => {
    const v = valuesOf(rule, k);
    return v === undefined ? [] : [[k, v] as [MatrixKey, readonly string[]]];
  });

function ruleMatches(rule: MatrixRule, attributes: MatrixAttributes): boolean {
  for (const k of KEYS) {
    const accepted = valuesOf(rule, k);
    if (accepted === undefined) continue;
    const value = attributes[k];
    if (value === undefined || !accepted.includes(value)) return false;
  }
  return true;
}

/** The ISO duration a matrix gives a ticket. */
export function matrixDuration(matrix: Matrix, attributes: MatrixAttributes): string {
  if ('by' in matrix) {
    const value = attributes[matrix.by];
    return (value === undefined ? undefined : matrix.values[value]) ?? matrix.otherwise;
  }
  for (const rule of matrix.rules) if (ruleMatches(rule, attributes)) return rule.duration;
  return matrix.otherwise;
}

/** Every duration a matrix can give, with where it is in the target (for validation messages). */
export function matrixEntries(matrix: Matrix): { readonly path: string; readonly duration: string }[] {
  const entries =
    'by' in matrix
      ? Object.entries(matrix.values).map(([key, duration]) => ({ path: `target.matrix.values.${key}`, duration }))
      : matrix.rules.map((r, i) => ({ path: `target.matrix.rules.${i}`, duration: r.duration }));
  return [...entries, { path: 'target.matrix.otherwise', duration: matrix.otherwise }];
}

/** Every ticket a matrix can meet: each severity × priority (or none) × channel. A hundred. */
const EVERY_TICKET: readonly MatrixAttributes[] = MATRIX_KEYS.severity.flatMap((severity) =>
  [...MATRIX_KEYS.priority, undefined].flatMap((priority) => MATRIX_KEYS.channel.map((channel) => ({ severity, priority, channel }))),
);

/**
 * The rules no ticket can reach, each with the earlier rules that take all its
 * tickets. Exact: the attribute space is small enough to try every ticket.
 */
export function unreachableRules(rules: readonly MatrixRule[]): { readonly index: number; readonly takenBy: readonly number[] }[] {
  const first = (t: MatrixAttributes) => rules.findIndex((r) => ruleMatches(r, t));
  const out: { index: number; takenBy: number[] }[] = [];
  rules.forEach((rule, index) => {
    const tickets = EVERY_TICKET.filter((t) => ruleMatches(rule, t));
    if (tickets.some((t) => first(t) === index)) return;
    out.push({ index, takenBy: [...new Set(tickets.map(first))].sort((a, b) => a - b) });
  });
  return out;
}
