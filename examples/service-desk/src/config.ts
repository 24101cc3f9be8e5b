/**
 * The desk's settings, from the environment (and `--seed` on the command line):
 *
 * | variable | default | |
 * |---|---|---|
 * | `PORT`, `HOST` | 3000, 127.0.0.1 | where it listens |
 * | `REDRESS_DESK_DB` | `data/desk.db` | the SQLite file |
 * | `REDRESS_DESK_POSTGRES` | unset | a PostgreSQL connection string: use it instead of SQLite |
 * | `REDRESS_DESK_TENANT` | `default` | the PostgreSQL tenant |
 * | `REDRESS_DESK_SEED=week` or `--seed` | off | play the demo's week into a new store first |
 * | `REDRESS_DESK_STAFF` | the built-in local accounts | a staff file (JSON, scrypt hashes) |
 * | `REDRESS_DESK_ORIGIN` | the request's own | the public origin behind a proxy |
 * | `REDRESS_DESK_TEST_HOOKS=1` | off | the test-only clock route; refused with NODE_ENV=production |
 * | `NODE_ENV=production` | | refuses the built-in accounts and the test hooks |
 */
import type { DeskServerOptions } from './server.js';
import { demoStaff } from './staff/demo-staff.js';
import { loadStaffFile } from './staff/directory.js';

export type Env = Readonly<Record<string, string | undefined>>;

export function configFrom(env: Env, argv: readonly string[]): DeskServerOptions {
  const production = env.NODE_ENV === 'production';
  const testHooks = env.REDRESS_DESK_TEST_HOOKS === '1';
  if (production && testHooks) throw new Error('REDRESS_DESK_TEST_HOOKS is for tests: it cannot be set with NODE_ENV=production');
  const staff = env.REDRESS_DESK_STAFF ? loadStaffFile(env.REDRESS_DESK_STAFF) : demoStaff();
  if (production && staff.demo) throw new Error('NODE_ENV=production needs a staff file (REDRESS_DESK_STAFF): the built-in accounts are for local use only');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT=${env.PORT} is not a port number`);
  return {
    store: env.REDRESS_DESK_POSTGRES
      ? { kind: 'postgres', connectionString: env.REDRESS_DESK_POSTGRES, ...(env.REDRESS_DESK_TENANT && { tenant: env.REDRESS_DESK_TENANT }) }
      : { kind: 'sqlite', file: env.REDRESS_DESK_DB ?? 'data/desk.db' },
    host: env.HOST ?? '127.0.0.1',
    port,
    seed: argv.includes('--seed') || env.REDRESS_DESK_SEED === 'week',
    staff,
    testHooks,
    ...(env.REDRESS_DESK_ORIGIN && { origin: env.REDRESS_DESK_ORIGIN }),
  };
}
