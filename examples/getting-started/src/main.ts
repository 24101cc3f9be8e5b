import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createManualClock } from '@redress/core';
import { breachedClocks } from '@redress/sla';
import { openDesk } from './desk.js';

const dir = mkdtempSync(join(tmpdir(), 'redress-desk-'));
const clock = createManualClock('2026-11-23T01:00:00Z'); // Monday 09:00 in Shanghai
const desk = openDesk(join(dir, 'complaints.db'), clock);
const handler = { id: 'li', role: 'handler' } as const;

try {
  const { complaintId } = await desk.engine.executeOrThrow({
    type: 'ReceiveComplaint',
    actor: { id: 'wang', role: 'frontDesk' },
    data: { customer: { reference: 'cust-042' }, channel: 'phone', description: 'Rattling noise after the service', demand: 'Fix it free of charge' },
  });
  await desk.ticker.tick(clock.now()); // starts the SLA clocks

  // Nobody acknowledges it: at 15:00 the 4 business hours are up.
  clock.set('2026-11-23T07:00:00Z');
  await desk.ticker.tick(clock.now());
  for (const c of breachedClocks(desk.ticker.state, clock.now())) console.log(`SLA breached: ${c.clock} (due ${c.dueAt})`);

  await desk.engine.executeOrThrow({
    type: 'ConfirmComplaint',
    complaintId,
    actor: handler,
    data: { summary: 'Noise from the engine bay', acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true } },
  });
  await desk.engine.executeOrThrow({ type: 'ClassifyComplaint', complaintId, actor: handler, data: { severity: 'general' } });
  await desk.engine.executeOrThrow({ type: 'StartInvestigation', complaintId, actor: handler });
  await desk.engine.executeOrThrow({ type: 'IdentifyCause', complaintId, actor: handler, data: { cause: 'productQuality', findings: 'Loose heat shield' } });
  // 分清责任: the responsible party is recorded before a remedy is proposed.
  await desk.engine.executeOrThrow({
    type: 'AttributeResponsibility',
    complaintId,
    actor: handler,
    data: { party: { kind: 'supplier', id: 'sup-exhaust', name: 'Exhaust parts supplier' }, reason: 'The heat shield clip was defective' },
  });

  // Our own rule refuses a remedy three weeks out; nothing is written.
  const late = await desk.engine.execute({
    type: 'ProposeResolution',
    complaintId,
    actor: handler,
    data: { remedy: { kind: 'freeRepair', description: 'Refit the heat shield' }, agreedDeadline: '2026-12-14T01:00:00Z' },
  });
  if (!late.ok) console.log(`${late.error.kind}: ${late.error.message}`);

  const ticket = desk.engine.view(desk.tickets).get(complaintId);
  console.log(`${ticket?.step}, escalated to ${ticket?.escalations.join(', ')}, ${ticket?.timeline.length} events`);
} finally {
  desk.close();
  rmSync(dir, { recursive: true, force: true });
}
