/**
 * Running `redress` in-process in a test: the arguments go to `runCli`, stdout and stderr
 * are collected, stdin is a string. Plus a small but realistic log to work on: complaints
 * at different steps, written by the engine into any store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { createEngine, createManualClock, sequentialIds, type CommandInput, type ComplaintEvent, type EventStore } from '@redress/core';
import { afterAll } from 'vitest';
import type { CliIo } from '../io/cli-io.js';
import { runCli } from '../run.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const NOW = '2026-11-23T09:00:00.000Z';

export function collect(): { readonly stream: PassThrough; text(): string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export async function cli(args: readonly string[], options: { stdin?: string; env?: Record<string, string>; stderr?: CliIo['stderr'] } = {}): Promise<CliRun> {
  const out = collect();
  const err = collect();
  const io: CliIo = { stdout: out.stream, stderr: options.stderr ?? err.stream, stdin: Readable.from([options.stdin ?? '']), env: options.env ?? {} };
  const code = await runCli(args, io, { now: () => new Date(NOW) });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** A fresh temp folder for this test file, removed after it. */
export function tempDir(): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'redress-cli-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name) => join(dir, name);
}

const desk = { id: 'wang', role: 'frontDesk' } as const;
const handler = { id: 'li', role: 'handler' } as const;
const receive = (complaintId: string): CommandInput => ({
  type: 'ReceiveComplaint',
  complaintId,
  actor: desk,
  data: {
    customer: { reference: `cust-${complaintId}`, name: '王先生' },
    channel: 'phone',
    description: 'Rattling noise after the 30,000 km service',
    demand: 'Fix it free of charge',
    acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true },
  },
});

/** Writes `complaints` complaints, interleaved, each taken a little further than the one before. */
export async function writeLog(store: EventStore<ComplaintEvent>, complaints = 5): Promise<void> {
  const engine = createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds('ev') });
  const ids = Array.from({ length: complaints }, (_, i) => `c-${i + 1}`);
  for (const id of ids) await engine.executeOrThrow(receive(id));
  for (const [i, id] of ids.entries()) {
    if (i >= 1) await engine.executeOrThrow({ type: 'ConfirmComplaint', complaintId: id, actor: handler, data: { summary: 'Noise from the engine bay' } });
    if (i >= 2) await engine.executeOrThrow({ type: 'ClassifyComplaint', complaintId: id, actor: handler, data: { severity: 'general' } });
    await engine.executeOrThrow({ type: 'AddNote', complaintId: id, actor: handler, data: { text: `note ${i}` } });
  }
}
