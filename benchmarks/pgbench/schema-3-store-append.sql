-- The schema 3 store's append: two transactions, the numbering, the read-back. Written by benchmarks/src/pgbench.ts on every PostgreSQL benchmark run; one command of two events on a new stream.
\set id random(1, 900000000000000000)
BEGIN;
INSERT INTO legacy.redress_streams (tenant, stream_id, version) VALUES ('pgbench', ('s-' || :id), 2) ON CONFLICT DO NOTHING RETURNING 0 AS previous;
INSERT INTO legacy.redress_events (tenant, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version)
SELECT 'pgbench', ('s-' || :id), e.n, e.event_id, e.type, e.data::json, e.occurred_at, e.actor::json, e.causation_id, e.correlation_id, e.schema_version
FROM unnest(ARRAY[('e-' || :id || '-0'), ('e-' || :id || '-1')]::text[], ARRAY['ComplaintReceived', 'AcknowledgementRecorded']::text[], ARRAY['{"complaintId": "P-000046","customer": {"reference": "cust-29410","name": "Li Wei","phone": "+86 138 0013 8000"},"channel": "visit","description": "The receptionist was dismissive when I asked about the warranty on the replaced part.","demand": "Fix it properly at no cost and tell me when it will be ready.","product": {"kind": "car","model": "Lavida 1.5L","identifier": "沪A·00046","mileageKm": 42000,"purchasedOn": "2023-04-18"},"branch": "Hangzhou West"}', '{"thanked": true,"appreciated": true,"apologised": true,"promisedPromptAction": true,"words": "Thank you for telling us; this helps us improve. We are sorry for the trouble and will act on it right away."}']::text[], ARRAY['2026-03-02T08:01:00.000Z', '2026-03-02T08:01:00.000Z']::text[], ARRAY['{"id": "fd-01","role": "frontDesk"}', '{"id": "fd-01","role": "frontDesk"}']::text[], ARRAY[('c-' || :id), ('c-' || :id)]::text[], ARRAY[('c-' || :id), ('c-' || :id)]::text[], ARRAY[1, 1]::int[])
  WITH ORDINALITY AS e(event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version, n) ORDER BY e.n;
COMMIT;
SELECT legacy.redress_assign_positions('pgbench', true);
SELECT global_position, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version
  FROM legacy.redress_events WHERE tenant = 'pgbench' AND stream_id = ('s-' || :id) ORDER BY stream_version;
