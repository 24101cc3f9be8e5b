/**
 * Runs work inside an active span, so what the work calls (the store's append, a
 * driver's own instrumentation) becomes its child wherever a context manager is
 * registered (the Node SDK registers one). The span always ends; a throw is recorded
 * on it and rethrown unchanged, so the instrumented code behaves as without it.
 */
import { SpanStatusCode, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import { isRedressError } from '@redress/core';

export function inSpan<T>(tracer: Tracer, name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The `redress.result` value of a thrown error: a Redress error's `kind`, else `exception`. */
export function resultOfThrow(error: unknown): string {
  return isRedressError(error) ? error.kind : 'exception';
}
