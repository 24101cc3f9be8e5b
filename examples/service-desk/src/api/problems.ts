/**
 * Refusals as HTTP answers: each error kind of the engine has one status and a JSON
 * body that keeps everything the typed error says (the field paths of a Validation, the
 * allowed commands and failed rule of an IllegalCommand, the versions of a conflict).
 *
 *   Validation 422 · Forbidden 403 · NotFound 404 · IllegalCommand 409 · ConcurrencyConflict 412 ·
 *   IdempotencyConflict 422 (an Idempotency-Key reused for another request, as the IETF
 *   idempotency-key draft answers it) · StoreUnavailable 503 (retry with the same
 *   Idempotency-Key) · StorageFault 507 · SubjectErased 409 (a personal text for an erased customer)
 *
 * The desk's own refusals use the same shape: Unauthenticated 401 (no session) and
 * Forbidden 403 (a body naming another actor, a missing CSRF token, a foreign Origin).
 */
import type { EngineError, ValidationIssue } from '@redress/core';
import type { z } from 'zod';

export type Problem =
  | { readonly kind: 'Validation'; readonly message: string; readonly issues: readonly ValidationIssue[] }
  | { readonly kind: 'Forbidden'; readonly message: string; readonly reason?: string; readonly commandType?: string }
  | { readonly kind: 'NotFound'; readonly message: string; readonly complaintId?: string }
  | {
      readonly kind: 'IllegalCommand';
      readonly message: string;
      readonly commandType: string;
      readonly step: string;
      readonly allowed: readonly string[];
      readonly rule?: { readonly name: string; readonly message: string };
    }
  | { readonly kind: 'ConcurrencyConflict'; readonly message: string; readonly expected: number | string; readonly actual: number }
  | { readonly kind: 'IdempotencyConflict'; readonly message: string; readonly commandId: string; readonly difference: string }
  | { readonly kind: 'StoreUnavailable'; readonly message: string; readonly retriable: true }
  | { readonly kind: 'StorageFault'; readonly message: string; readonly reason: string }
  | { readonly kind: 'Unauthenticated'; readonly message: string }
  | { readonly kind: 'SubjectErased'; readonly message: string; readonly subject: string };

export const STATUS_OF: Readonly<Record<Problem['kind'], 401 | 403 | 404 | 409 | 412 | 422 | 503 | 507>> = {
  Validation: 422,
  Forbidden: 403,
  NotFound: 404,
  IllegalCommand: 409,
  ConcurrencyConflict: 412,
  IdempotencyConflict: 422,
  StoreUnavailable: 503,
  StorageFault: 507,
  Unauthenticated: 401,
  // A personal text for a customer whose data was erased: the request can never succeed.
  SubjectErased: 409,
};

export function problemOf(error: EngineError): Problem {
  switch (error.kind) {
    case 'Validation':
      return { kind: error.kind, message: error.message, issues: error.issues };
    case 'Forbidden':
      return { kind: error.kind, message: error.message, commandType: error.commandType, ...(error.reason !== undefined && { reason: error.reason }) };
    case 'NotFound':
      return { kind: error.kind, message: error.message, complaintId: error.complaintId };
    case 'IllegalCommand':
      return { kind: error.kind, message: error.message, commandType: error.commandType, step: error.step, allowed: error.allowed, ...(error.rule && { rule: error.rule }) };
    case 'ConcurrencyConflict':
      return { kind: error.kind, message: error.message, expected: error.expected, actual: error.actual };
    case 'IdempotencyConflict':
      return { kind: error.kind, message: error.message, commandId: error.commandId, difference: error.difference };
    case 'StoreUnavailable':
      return { kind: error.kind, message: error.message, retriable: true };
    case 'StorageFault':
      return { kind: error.kind, message: error.message, reason: error.reason };
    case 'SubjectErased':
      return { kind: error.kind, message: error.message, subject: error.subject };
  }
}

/** zod issues with dotted paths, as the engine reports its own (`data.remedy.amount.currency`). */
export function validationProblem(issues: readonly z.core.$ZodIssue[], prefix: readonly string[] = []): Problem {
  const list = issues.map((i) => ({ path: [...prefix, ...i.path.map(String)].join('.'), message: i.message, code: i.code }));
  return { kind: 'Validation', message: `invalid request:\n${list.map((i) => `  ✖ ${i.path || '(root)'}: ${i.message}`).join('\n')}`, issues: list };
}

export const forbidden = (reason: string): Problem => ({ kind: 'Forbidden', message: `forbidden: ${reason}`, reason });
