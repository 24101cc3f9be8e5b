/**
 * The engine's hooks on OpenTelemetry: a `redress.execute` span per command with its
 * type and result, the commands counter and the execute duration; a `redress.project`
 * span per inline projection batch, and each projection's lag after it on the gauge.
 *
 * A refusal (`IllegalCommand`, `Forbidden`, a conflict, ...) is an answer, not a fault:
 * the span keeps an unset status and says the kind in `redress.result`, as an HTTP server
 * span does for a 4xx. Only a store failure or a throw marks the span as an error.
 */
import { SpanStatusCode, type Attributes } from '@opentelemetry/api';
import { isStoreError, type EngineInstrumentation } from '@redress/core';
import { secondsSince, type Instruments } from './instruments.js';
import { ATTRIBUTES, SPAN_NAMES } from './names.js';
import { inSpan, resultOfThrow } from './span.js';

export function engineInstrumentation(instruments: Instruments): Required<EngineInstrumentation> {
  const { tracer, commands, executeDuration, projectionLag } = instruments;
  return {
    execute(info, run) {
      const started = performance.now();
      const count = (result: string) => {
        const attributes: Attributes = { [ATTRIBUTES.commandType]: info.commandType, [ATTRIBUTES.result]: result };
        commands.add(1, attributes);
        executeDuration.record(secondsSince(started), attributes);
      };
      return inSpan(tracer, SPAN_NAMES.execute, { [ATTRIBUTES.commandType]: info.commandType }, async (span) => {
        let result;
        try {
          result = await run();
        } catch (error) {
          count(resultOfThrow(error));
          throw error;
        }
        const outcome = result.ok ? 'ok' : result.error.kind;
        span.setAttribute(ATTRIBUTES.result, outcome);
        if (result.ok) {
          span.setAttributes({ [ATTRIBUTES.complaintId]: result.value.complaintId, [ATTRIBUTES.duplicate]: result.value.duplicate, [ATTRIBUTES.events]: result.value.events.length });
        } else if (isStoreError(result.error)) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: result.error.message });
        }
        count(outcome);
        return result;
      });
    },
    project(batch, run) {
      const attributes = { [ATTRIBUTES.trigger]: batch.trigger, [ATTRIBUTES.events]: batch.events, [ATTRIBUTES.projection]: [...batch.projections] };
      return inSpan(tracer, SPAN_NAMES.project, attributes, async (span) => {
        try {
          await run();
        } finally {
          // Also after a failure: a view the store left behind is exactly what the gauge is for.
          let behind = 0;
          for (const lag of batch.lag()) {
            projectionLag.record(lag.behind, { [ATTRIBUTES.projection]: lag.projection });
            behind = Math.max(behind, lag.behind);
          }
          span.setAttribute(ATTRIBUTES.behind, behind);
        }
      });
    },
  };
}
