/**
 * A stress writer: one OS process executing commands through `createEngine` on
 * complaints other writers write too. Before each append it tells the parent which
 * events it is about to write, and waits until that message is in the pipe, so a
 * kill -9 at any point leaves the parent knowing what might have been written.
 */
import { createEngine, systemClock, type ComplaintEvent, type CommandInput, type EventStore } from '@redress/core';
import { createPostgresEventStore } from '../store/postgres-event-store.js';
import { note, receive } from '../test-support/commands.js';
import { seeded, type WriterConfig, type WriterMessage } from './protocol.js';

const send = (message: WriterMessage) =>
  new Promise<void>((resolve, reject) => {
    if (!process.send) return reject(new Error('the stress writer runs as a forked child'));
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });

async function main(config: WriterConfig): Promise<void> {
  const store = await createPostgresEventStore<ComplaintEvent>({ connectionString: config.connectionString, tenant: config.tenant, migrate: false });
  let current = '';
  // The store as the engine sees it, announcing each append first.
  const announcing: EventStore<ComplaintEvent> = {
    ...store,
    async append(streamId, expected, events) {
      await send({ kind: 'intent', commandId: current, eventIds: events.map((e) => e.eventId) });
      return store.append(streamId, expected, events);
    },
  };
  const engine = createEngine({ store: announcing, clock: systemClock });
  const random = seeded(config.seed);
  for (let k = 0; k < config.commands; k++) {
    const commandId = `w${config.writer}-${k}`;
    current = commandId;
    // A third race to receive the same new complaints (two events each), the rest add notes to shared ones.
    const contested = random() < 0.3;
    const complaintId = contested ? `r-${Math.floor(random() * config.contested)}` : (config.shared[Math.floor(random() * config.shared.length)] ?? 'c-0');
    const base: CommandInput = contested ? receive(complaintId, k, true) : note(complaintId, `note ${commandId}`);
    const command = { ...base, commandId } as CommandInput;
    try {
      const result = await engine.execute(command);
      if (result.ok) {
        await send({ kind: 'result', commandId, outcome: 'accepted', eventIds: result.value.events.map((e) => e.eventId) });
      } else {
        await send({ kind: 'result', commandId, outcome: result.error.kind === 'ConcurrencyConflict' ? 'conflict' : 'refused', eventIds: [] });
      }
    } catch (error) {
      await send({ kind: 'failed', commandId, message: String(error) });
    }
  }
  await store.close();
  await send({ kind: 'done' });
}

process.once('message', (config: WriterConfig) => {
  main(config).then(
    () => process.disconnect(),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
