/**
 * The engine's spans and metrics, read back from the SDK's in-memory exporter: one
 * execute span per command with its type and result, an append span as its child for
 * each append it made (a lost race shows as a failed one), projection batches, and the
 * commands counted by type and result.
 */
import { SpanStatusCode } from '@opentelemetry/api';
import { createEngine, createInMemoryEventStore, createManualClock, sequentialIds, ticketViewProjection, type ComplaintEvent } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTES, METRIC_NAMES, SPAN_NAMES } from './names.js';
import { NOW, handler, note, receive } from './test-support/commands.js';
import { byAttributes, countsByAttributes, inMemorySdk, parentOf } from './test-support/sdk.js';

function setup(options: { ids?: string } = {}) {
  const sdk = inMemorySdk();
  const store = createInMemoryEventStore<ComplaintEvent>();
  const tickets = ticketViewProjection();
  const engine = createEngine({
    store: sdk.telemetry.instrumentStore(store),
    clock: createManualClock(NOW),
    ids: sequentialIds(options.ids ?? 'id'),
    projections: [tickets],
    instrumentation: sdk.telemetry.engine,
  });
  return { sdk, store, engine, tickets };
}

describe('execute spans and the commands metrics', () => {
  it('names the command type and the result, ok or the refusal kind; a refusal is not an error', async () => {
    const { sdk, engine } = setup();
    await engine.executeOrThrow(receive('c-1'));
    const refused = await engine.execute({ type: 'StartExecution', complaintId: 'c-1', actor: handler });
    expect(refused.ok).toBe(false);
    const [ok, illegal] = sdk.spans(SPAN_NAMES.execute);
    expect(ok?.attributes).toMatchObject({ [ATTRIBUTES.commandType]: 'ReceiveComplaint', [ATTRIBUTES.result]: 'ok', [ATTRIBUTES.complaintId]: 'c-1', [ATTRIBUTES.duplicate]: false });
    expect(illegal?.attributes).toMatchObject({ [ATTRIBUTES.commandType]: 'StartExecution', [ATTRIBUTES.result]: 'IllegalCommand' });
    expect(illegal?.status.code).toBe(SpanStatusCode.UNSET);
    expect(sdk.spans(SPAN_NAMES.execute)).toHaveLength(2);

    const counts = byAttributes(await sdk.points(METRIC_NAMES.commands));
    expect(counts).toEqual({
      [JSON.stringify({ [ATTRIBUTES.commandType]: 'ReceiveComplaint', [ATTRIBUTES.result]: 'ok' })]: 1,
      [JSON.stringify({ [ATTRIBUTES.commandType]: 'StartExecution', [ATTRIBUTES.result]: 'IllegalCommand' })]: 1,
    });
    expect(Object.values(countsByAttributes(await sdk.points(METRIC_NAMES.executeDuration)))).toEqual([1, 1]);
  });

  it('counts an invalid command as Validation of type unknown, and a repeat as a duplicate that appends nothing', async () => {
    const { sdk, engine } = setup();
    await engine.execute({ nonsense: true } as never);
    const first = await engine.executeOrThrow({ ...receive('c-1'), commandId: 'cmd-1' });
    const again = await engine.executeOrThrow({ ...receive('c-1'), commandId: 'cmd-1' });
    expect(again).toMatchObject({ duplicate: true, events: first.events });
    expect(sdk.spans(SPAN_NAMES.execute).map((s) => [s.attributes[ATTRIBUTES.commandType], s.attributes[ATTRIBUTES.result], s.attributes[ATTRIBUTES.duplicate]])).toEqual([
      ['unknown', 'Validation', undefined],
      ['ReceiveComplaint', 'ok', false],
      ['ReceiveComplaint', 'ok', true],
    ]);
    expect(sdk.spans(SPAN_NAMES.append)).toHaveLength(1);
  });

  it('shows a lost race as a failed append under the execute that then decided again and won', async () => {
    const { sdk, engine, store } = setup();
    await engine.executeOrThrow(receive('c-1'));
    // Another writer (its own engine, its own cache) appends to the stream behind this engine's back.
    const other = createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds('other') });
    await other.executeOrThrow(note('c-1', 'from the other desk'));
    const won = await engine.executeOrThrow(note('c-1'));
    expect(won.version).toBe(4);

    const execute = sdk.spans(SPAN_NAMES.execute).at(-1);
    const appends = sdk.spans(SPAN_NAMES.append).filter((s) => parentOf(s) === execute?.spanContext().spanId);
    expect(appends.map((s) => [s.attributes[ATTRIBUTES.result], s.status.code])).toEqual([
      ['ConcurrencyConflict', SpanStatusCode.ERROR],
      ['ok', SpanStatusCode.UNSET],
    ]);
    expect(appends[1]?.attributes).toMatchObject({ [ATTRIBUTES.streamId]: 'c-1', [ATTRIBUTES.expectedVersion]: '3', [ATTRIBUTES.streamVersion]: 4, [ATTRIBUTES.events]: 1 });
    expect(execute?.attributes[ATTRIBUTES.result]).toBe('ok');
    const appendTimes = countsByAttributes(await sdk.points(METRIC_NAMES.appendDuration));
    expect(appendTimes).toEqual({ [JSON.stringify({ [ATTRIBUTES.result]: 'ok' })]: 2, [JSON.stringify({ [ATTRIBUTES.result]: 'ConcurrencyConflict' })]: 1 });
  });

  it('reports a stale expectedVersion as a ConcurrencyConflict result, with no append at all', async () => {
    const { sdk, engine } = setup();
    await engine.executeOrThrow(receive('c-1'));
    const stale = await engine.execute({ ...note('c-1'), expectedVersion: 1 });
    expect(stale.ok ? 'ok' : stale.error.kind).toBe('ConcurrencyConflict');
    const execute = sdk.spans(SPAN_NAMES.execute).at(-1);
    expect(execute?.attributes[ATTRIBUTES.result]).toBe('ConcurrencyConflict');
    expect(sdk.spans(SPAN_NAMES.append).filter((s) => parentOf(s) === execute?.spanContext().spanId)).toEqual([]);
  });

  it('gives each of many concurrent executes its own span, with its own append and projection batch as children', async () => {
    const { sdk, engine, tickets } = setup();
    const ids = Array.from({ length: 24 }, (_, i) => `c-${i}`);
    await Promise.all(ids.map((id) => engine.executeOrThrow(receive(id))));
    const executes = sdk.spans(SPAN_NAMES.execute);
    expect(executes).toHaveLength(ids.length);
    expect(new Set(executes.map((s) => s.spanContext().traceId)).size).toBe(ids.length);
    for (const execute of executes) {
      const id = execute.attributes[ATTRIBUTES.complaintId];
      const children = sdk.spans().filter((s) => parentOf(s) === execute.spanContext().spanId);
      expect(children.map((s) => s.name).sort()).toEqual([SPAN_NAMES.append, SPAN_NAMES.project]);
      const append = children.find((s) => s.name === SPAN_NAMES.append);
      expect(append?.attributes[ATTRIBUTES.streamId]).toBe(id);
      expect(append?.spanContext().traceId).toBe(execute.spanContext().traceId);
      expect(parentOf(execute)).toBeUndefined();
    }
    expect(ids.filter((id) => engine.view(tickets).get(id) === undefined)).toEqual([]);
  });

  it('spans each projection batch with what fed it, and records each view caught up on the lag gauge', async () => {
    const { sdk, engine, tickets } = setup();
    const received = await engine.executeOrThrow(receive('c-1'));
    await engine.catchUp();
    expect(sdk.spans(SPAN_NAMES.project).map((s) => s.attributes)).toEqual([
      { [ATTRIBUTES.trigger]: 'append', [ATTRIBUTES.events]: received.events.length, [ATTRIBUTES.projection]: [tickets.name], [ATTRIBUTES.behind]: 0 },
      { [ATTRIBUTES.trigger]: 'catchUp', [ATTRIBUTES.events]: 0, [ATTRIBUTES.projection]: [tickets.name], [ATTRIBUTES.behind]: 0 },
    ]);
    expect(byAttributes(await sdk.points(METRIC_NAMES.projectionLag))).toEqual({ [JSON.stringify({ [ATTRIBUTES.projection]: tickets.name })]: 0 });
    sdk.telemetry.recordProjectionLag('sql-tickets', 12);
    expect(byAttributes(await sdk.points(METRIC_NAMES.projectionLag))[JSON.stringify({ [ATTRIBUTES.projection]: 'sql-tickets' })]).toBe(12);
    expect(() => sdk.telemetry.recordProjectionLag('sql-tickets', -1)).toThrow(RangeError);
  });
});
