/**
 * The OpenTelemetry SDK as a test sees it: spans in an in-memory exporter, metrics read
 * on demand, and the async-hooks context manager (what the Node SDK registers), without
 * which no span could be another's child across an await.
 */
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { AggregationTemporality, MeterProvider, MetricReader, type DataPoint, type Histogram } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createRedressTelemetry, type RedressTelemetry } from '../telemetry.js';

/** Reads every metric when asked, cumulatively. */
class OnDemandReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  }
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

// Once per process: a second registration would be refused, and one is all every test needs.
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

export interface Sdk {
  readonly telemetry: RedressTelemetry;
  /** Every span ended so far. */
  spans(name?: string): ReadableSpan[];
  /** The data points of one metric, after a collection. */
  points<T = number>(metric: string): Promise<DataPoint<T>[]>;
}

export function inMemorySdk(): Sdk {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const reader = new OnDemandReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  return {
    telemetry: createRedressTelemetry({ tracerProvider, meterProvider }),
    spans: (name) => exporter.getFinishedSpans().filter((s) => name === undefined || s.name === name),
    async points<T>(metric: string) {
      const { resourceMetrics } = await reader.collect();
      const found = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === metric);
      return (found?.dataPoints ?? []) as DataPoint<T>[];
    },
  };
}

/** A counter's or gauge's value per attribute set, keyed by the attributes as JSON. */
export const byAttributes = (points: readonly DataPoint<number>[]) => Object.fromEntries(points.map((p) => [JSON.stringify(p.attributes), p.value]));

/** How many values a histogram recorded, per attribute set. */
export const countsByAttributes = (points: readonly DataPoint<Histogram>[]) => Object.fromEntries(points.map((p) => [JSON.stringify(p.attributes), p.value.count]));

/** The span's parent span id, or undefined for a root. */
export const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
