/**
 * zod issues as core's ValidationIssues (dotted paths, `[n]` for indexes), the same
 * shape the engine reports, so a host handles survey and complaint refusals alike.
 */
import type { ValidationIssue } from '@redress/core';
import type { z } from 'zod';

export function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc === '' ? String(key) : `${acc}.${String(key)}`),
    '',
  );
}

export function issuesFromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message, code: issue.code }));
}
