import { createBusinessCalendar, defaultSlaConfig, serviceHoursCalendar } from '@redress/sla';
import { slaBreachInvariant } from '@redress/sla/testing';
import { businessTime, checkWorkflow, invariantCatalogue } from '@redress/testing';
import { it } from 'vitest';

it('breaches SLA clocks exactly when their running time runs out', async () => {
  await checkWorkflow(
    {
      invariants: [...invariantCatalogue, slaBreachInvariant(defaultSlaConfig())],
      advance: businessTime(createBusinessCalendar(serviceHoursCalendar)),
    },
    { numRuns: 20 },
  );
});
