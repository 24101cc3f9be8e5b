/**
 * The tracer and the metric instruments, made once per `createRedressTelemetry`. Without
 * an SDK registered, the API hands out no-op ones: the hooks then cost a few calls.
 */
import { metrics, trace, type Counter, type Gauge, type Histogram, type MeterProvider, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { METRIC_NAMES } from './names.js';

/** Where the spans and metrics go: the globally registered providers unless given. */
export interface RedressTelemetryOptions {
  /** The tracer provider to use (default: the global one, `trace.getTracerProvider()`). */
  readonly tracerProvider?: TracerProvider;
  /** The meter provider to use (default: the global one, `metrics.getMeterProvider()`). */
  readonly meterProvider?: MeterProvider;
}

/** The instrumentation scope the spans and metrics are reported under. */
export const INSTRUMENTATION_SCOPE = '@redress/opentelemetry';

export interface Instruments {
  readonly tracer: Tracer;
  readonly commands: Counter;
  readonly executeDuration: Histogram;
  readonly appendDuration: Histogram;
  readonly projectionLag: Gauge;
  readonly slaBreaches: Counter;
}

export function createInstruments(options: RedressTelemetryOptions): Instruments {
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(INSTRUMENTATION_SCOPE);
  const meter = (options.meterProvider ?? metrics.getMeterProvider()).getMeter(INSTRUMENTATION_SCOPE);
  return {
    tracer,
    commands: meter.createCounter(METRIC_NAMES.commands, { description: 'Commands executed, by type and result', unit: '{command}' }),
    executeDuration: meter.createHistogram(METRIC_NAMES.executeDuration, { description: 'Duration of execute, by command type and result', unit: 's' }),
    appendDuration: meter.createHistogram(METRIC_NAMES.appendDuration, { description: 'Duration of an event store append, by result', unit: 's' }),
    projectionLag: meter.createGauge(METRIC_NAMES.projectionLag, {
      description: 'Global positions a projection trails the newest event its feeder knows of',
      unit: '{position}',
    }),
    slaBreaches: meter.createCounter(METRIC_NAMES.slaBreaches, { description: 'SLA breaches recorded, by clock', unit: '{breach}' }),
  };
}

/** Seconds since `started` (a `performance.now()` reading). */
export const secondsSince = (started: number): number => (performance.now() - started) / 1000;
