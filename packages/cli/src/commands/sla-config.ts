/**
 * The SLA configuration a command runs with: `--sla-config <file.json>` (the JSON of
 * `SlaConfigInput`, as a host keeps it) or `--sla-config default` (the domain's default
 * policy). Never implied: rebuilding deadlines or ticking clocks with a policy the host
 * does not use would write wrong rows and wrong breaches.
 */
import { readFileSync } from 'node:fs';
import type { SlaConfig } from '@redress/sla';
import { CliError } from '../errors.js';
import { loadPeer } from '../store/load-peer.js';

/**
 * Reads `--sla-config`: a JSON file checked against `@redress/sla`'s schema, or `default` for the default
 * policy; a `CliError` naming `command` when missing or invalid.
 */
export async function loadSlaConfig(option: string | undefined, command: string): Promise<SlaConfig> {
  if (option === undefined) throw new CliError(`${command} needs the SLA configuration: --sla-config <file.json>, or --sla-config default for the default policy`);
  const sla = await loadPeer('@redress/sla', () => import('@redress/sla'));
  let input: unknown;
  if (option === 'default') input = sla.defaultSlaConfig();
  else {
    try {
      input = JSON.parse(readFileSync(option, 'utf8'));
    } catch (e) {
      throw new CliError(`--sla-config ${option}: ${(e as Error).message}`);
    }
  }
  try {
    return sla.parseSlaConfig(input);
  } catch (e) {
    if (e instanceof Error && (e as { kind?: unknown }).kind === 'SlaConfig') throw new CliError(`--sla-config ${option}: ${e.message}`);
    throw e;
  }
}
