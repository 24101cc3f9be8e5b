import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createEngine, createInMemoryEventStore, createManualClock, ticketViewProjection } from '@redress/core';
import { createRedressTelemetry } from '@redress/opentelemetry';
import { createSlaTicker, defaultSlaConfig } from '@redress/sla';

// The host's OpenTelemetry setup: in production `new NodeSDK({ traceExporter, metricReader }).start()`
// from @opentelemetry/sdk-node does all of this, context manager included; here, in memory.
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const spans = new InMemorySpanExporter();
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));
const exported = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: exported, exportIntervalMillis: 60_000 });
const meterProvider = new MeterProvider({ readers: [reader] });
metrics.setGlobalMeterProvider(meterProvider);

// Redress, instrumented: one telemetry, the same wrapped store for the engine and the ticker.
const telemetry = createRedressTelemetry();
const store = telemetry.instrumentStore(createInMemoryEventStore());
const clock = createManualClock('2026-11-23T01:00:00Z'); // Monday 09:00 in Shanghai
const engine = createEngine({ store, clock, projections: [ticketViewProjection()], instrumentation: telemetry.engine });
const ticker = createSlaTicker({ store, config: defaultSlaConfig(), instrumentation: telemetry.sla });

await engine.executeOrThrow({
  type: 'ReceiveComplaint',
  complaintId: 'c-1',
  actor: { id: 'wang', role: 'frontDesk' },
  data: { customer: { reference: 'cust-9' }, channel: 'phone', description: 'Brakes squeal after service', demand: 'Fix it' },
});
await engine.execute({ type: 'StartExecution', complaintId: 'c-1', actor: { id: 'li', role: 'handler' } }); // refused
clock.set('2026-11-23T07:00:00Z');
await ticker.tick(clock.now()); // the acknowledgement clock breached at 06:30Z

// Each root span, what it says, and its children.
const finished = spans.getFinishedSpans();
for (const span of finished.filter((s) => s.parentSpanContext === undefined)) {
  const a = span.attributes;
  const said = span.name === 'redress.sla.tick' ? `breaches=${String(a['redress.sla.breaches'])}` : `${String(a['redress.command.type'])} ${String(a['redress.result'])}`;
  const children = finished.filter((c) => c.parentSpanContext?.spanId === span.spanContext().spanId).map((c) => c.name);
  const counted = [...new Set(children)].map((name) => `${name} ×${children.filter((c) => c === name).length}`);
  console.log(`${span.name} ${said} → ${counted.join(', ') || 'no children'}`);
}

// The counters, as the exporter receives them.
await reader.forceFlush();
const { scopeMetrics } = exported.getMetrics().at(-1) ?? { scopeMetrics: [] };
for (const metric of scopeMetrics.flatMap((s) => s.metrics)) {
  if (!['redress.commands', 'redress.sla.breaches'].includes(metric.descriptor.name)) continue;
  for (const point of metric.dataPoints) console.log(metric.descriptor.name, JSON.stringify(point.attributes), point.value);
}
await meterProvider.shutdown();
