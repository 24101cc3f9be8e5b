/**
 * The stores and the SLA engine are optional peers: a host on SQLite has no pg, a host
 * without SLAs no @redress/sla. They are loaded when a command needs them, and a
 * missing one is a CliError naming what to install, not a module-resolution stack.
 */
import { CliError } from '../errors.js';

const INSTALL: Readonly<Record<string, string>> = {
  '@redress/sqlite': 'npm install @redress/sqlite better-sqlite3',
  '@redress/postgres': 'npm install @redress/postgres pg',
  '@redress/sla': 'npm install @redress/sla',
};

export async function loadPeer<M>(name: string, load: () => Promise<M>): Promise<M> {
  try {
    return await load();
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String((e as Error).message).includes(name)) {
      throw new CliError(`this command needs ${name}, which is not installed here: ${INSTALL[name] ?? `npm install ${name}`}`);
    }
    throw e;
  }
}
