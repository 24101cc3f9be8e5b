/**
 * Paths into an event's `data`: `customer.name`, `survey.ratings[].comment`. A pattern
 * (with `[]` for "every element") is what a host marks as personal; a concrete path
 * (`survey.ratings[2].comment`) is what one event held, and is what its encrypted blob
 * lists, so an event is read back by its own list even after the host's patterns change.
 *
 * Written by hand rather than with a JSONPath library: the grammar is two constructs,
 * and taking values out and putting them back (not just querying) is the point.
 */

/** One step of a path: an object key, or an array index (`'[]'` in a pattern: any index). */
export type PathStep = string | number;

/** Keys that would reach an object's prototype when written: never data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const PATTERN = /^[A-Za-z_$][A-Za-z0-9_$]*(\[\])?(\.[A-Za-z_$][A-Za-z0-9_$]*(\[\])?)*$/;
const CONCRETE = /^[A-Za-z_$][A-Za-z0-9_$]*(\[\d+\])?(\.[A-Za-z_$][A-Za-z0-9_$]*(\[\d+\])?)*$/;

/** Why a pattern is refused, or undefined when it is well-formed. */
export function patternProblem(pattern: string): string | undefined {
  if (!PATTERN.test(pattern)) return 'expected keys separated by dots, each optionally followed by [] (e.g. survey.ratings[].comment)';
  if (pattern.endsWith('[]')) return 'must end with a key: a path names a field, not a whole list';
  if (pattern.split('.')[0] === '$personal') return '$personal is where the encrypted blob lives';
  if (pattern.split(/[.[\]]/).some((key) => FORBIDDEN_KEYS.has(key))) return '__proto__, constructor and prototype are not data keys';
  return undefined;
}

/** True for a concrete path such as `survey.ratings[2].comment` (what a blob may list). */
export function isConcretePath(path: string): boolean {
  return CONCRETE.test(path) && !path.split(/[.[\]]/).some((key) => FORBIDDEN_KEYS.has(key));
}

function parse(path: string, concrete: boolean): PathStep[] {
  if (!(concrete ? CONCRETE : PATTERN).test(path)) throw new RangeError(`not a ${concrete ? 'concrete' : ''} data path: ${JSON.stringify(path)}`);
  const steps: PathStep[] = [];
  for (const part of path.split('.')) {
    const bracket = part.indexOf('[');
    if (FORBIDDEN_KEYS.has(bracket < 0 ? part : part.slice(0, bracket))) throw new RangeError(`not a data path: ${JSON.stringify(path)}`);
    if (bracket < 0) {
      steps.push(part);
      continue;
    }
    steps.push(part.slice(0, bracket));
    // A pattern's `[]` is kept as the string '[]', which no key can be: no clash.
    steps.push(concrete ? Number(part.slice(bracket + 1, -1)) : '[]');
  }
  return steps;
}

function format(steps: readonly PathStep[]): string {
  return steps.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (object: Record<string, unknown>, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * Every concrete path `pattern` matches in `data` whose value is present (not undefined),
 * in document order. Parents that are missing or of another shape match nothing.
 */
export function concretePaths(data: unknown, pattern: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown, steps: readonly PathStep[], at: PathStep[]) => {
    const [step, ...rest] = steps;
    if (step === undefined) {
      if (node !== undefined) found.push(format(at));
      return;
    }
    if (step === '[]') {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, rest, [...at, i]));
    } else if (isRecord(node) && own(node, step as string)) {
      walk(node[step as string], rest, [...at, step]);
    }
  };
  walk(data, parse(pattern, false), []);
  return found;
}

/** The value at a concrete path (which `concretePaths` found). */
export function valueAt(data: unknown, path: string): unknown {
  let node = data;
  for (const step of parse(path, true)) node = (node as Record<PathStep, unknown>)[step];
  return node;
}

/** The parent container of a concrete path and the last step, cloning the containers on the way (the input is never mutated). */
function parentOf(root: Record<string, unknown>, steps: readonly PathStep[]): { parent: Record<PathStep, unknown>; last: PathStep } | undefined {
  let node: Record<PathStep, unknown> = root;
  for (const step of steps.slice(0, -1)) {
    const child = node[step];
    if (typeof child !== 'object' || child === null) return undefined;
    const copy = (Array.isArray(child) ? [...child] : { ...child }) as Record<PathStep, unknown>;
    node[step] = copy;
    node = copy;
  }
  return { parent: node, last: steps[steps.length - 1] as PathStep };
}

/** A copy of `data` without the values at `paths`. */
export function withoutPaths(data: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const root = { ...data };
  for (const path of paths) {
    const at = parentOf(root, parse(path, true));
    if (at && typeof at.last === 'string') Reflect.deleteProperty(at.parent, at.last);
  }
  return root;
}

/**
 * A copy of `data` with `values[i]` written at `paths[i]`. A parent that no longer exists
 * (the event was changed after it was protected) is refused, never invented.
 */
export function withValues(data: Record<string, unknown>, paths: readonly string[], values: readonly unknown[]): Record<string, unknown> | undefined {
  const root = { ...data };
  for (const [i, path] of paths.entries()) {
    const at = parentOf(root, parse(path, true));
    if (!at || !isRecord(at.parent) || typeof at.last !== 'string') return undefined;
    at.parent[at.last] = values[i];
  }
  return root;
}
