/**
 * The service desk: `npm run app` from the repository root (installs, then starts this).
 *
 *   npm run app                 # an empty desk on data/desk.db
 *   npm run app -- --seed       # first play the demo's week of complaints into a new file
 *   REDRESS_DESK_POSTGRES=postgres://… npm run app
 *
 * Settings: config.ts. Stops cleanly on Ctrl-C (SIGINT) and SIGTERM.
 */
import { configFrom } from './config.js';
import { startDeskServer } from './server.js';
import { DEMO_PASSWORD } from './staff/demo-staff.js';

async function start() {
  try {
    const config = configFrom(process.env, process.argv.slice(2));
    return { config, server: await startDeskServer(config) };
  } catch (error) {
    // A refused setting or an existing file to seed: say it in one line, not a stack trace.
    console.error(`service desk not started: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const { config, server } = await start();
const staff = server.desk.staff;
console.log(`Redress service desk on ${server.url}  (${server.description})`);
if (server.seeded) console.log(`seeded the demo's week: ${server.seeded.complaints} complaints, ${server.seeded.events} events; the desk's clock starts at its end`);
else if (server.desk.read.position === 0) console.log('the store is empty: restart with --seed (on a new file) for a week of complaints');
console.log(`desk time: ${server.desk.clock.now().toISOString()}`);
if (staff.demo) {
  console.log(`LOCAL USE ONLY: log in as any of ${staff.members.map((m) => m.id).join(', ')} with the password "${DEMO_PASSWORD}"`);
}
if (config.testHooks) console.log('test hooks on: POST /api/test/clock { advanceMs } moves the desk clock');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
