/**
 * The stress harness shared by the bounded tests and the long script: forks
 * writer and projector processes on one database file, collects what they report,
 * and checks the log and the read models afterwards.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import type { WorkerArgs, WorkerReport } from './stress-worker.js';

const workerFile = fileURLToPath(new URL('./stress-worker.ts', import.meta.url));

export interface Worker {
  readonly child: ChildProcess;
  readonly reports: WorkerReport[];
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

const live = new Set<ChildProcess>();

/** Kills every worker still running (after a failed test, so none outlives it). */
export function killAllWorkers(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

export function startWorker(args: WorkerArgs): Worker {
  const child = fork(workerFile, [JSON.stringify(args)], {
    execArgv: ['--import', 'tsx', '--conditions=@redress/source'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  const reports: WorkerReport[] = [];
  child.on('message', (m) => reports.push(m as WorkerReport));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, reports, exited };
}

interface LogRow {
  readonly global_position: number;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly event_id: string;
  readonly causation_id: string;
}

/** Lets writers go once every one of them has started (they wait for the word). */
export async function startTogether(writers: readonly Worker[]): Promise<void> {
  await Promise.all(
    writers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.reports.some((r) => r.kind === 'ready')) return resolve();
          w.child.on('message', (m: WorkerReport) => {
            if (m.kind === 'ready') resolve();
          });
        }),
    ),
  );
  for (const w of writers) w.child.send('go');
}

/**
 * What must hold of any log, crashes or not: positions 1…n without a gap, every
 * stream's versions 1…k without a gap and matching `redress_streams`, and each
 * command's events in one stream at consecutive versions and positions (written by
 * one transaction: all of them or none). Returns the problems found.
 */
export function logProblems(db: Database): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const rows = db.prepare('SELECT global_position, stream_id, stream_version, event_id, causation_id FROM redress_events ORDER BY global_position').all() as LogRow[];
  rows.forEach((r, i) => {
    if (r.global_position !== i + 1) problems.push(`position ${i + 1} holds ${r.global_position}`);
  });
  const streams = new Map<string, number>();
  for (const r of rows) {
    const expected = (streams.get(r.stream_id) ?? 0) + 1;
    if (r.stream_version !== expected) problems.push(`${r.stream_id} has version ${r.stream_version} where ${expected} was due`);
    streams.set(r.stream_id, r.stream_version);
  }
  const stored = new Map(db.prepare('SELECT stream_id, version FROM redress_streams').raw().all() as [string, number][]);
  for (const [id, version] of streams) if (stored.get(id) !== version) problems.push(`redress_streams says ${id} is at ${stored.get(id)}, its events say ${version}`);
  const byCommand = new Map<string, LogRow[]>();
  for (const r of rows) byCommand.set(r.causation_id, [...(byCommand.get(r.causation_id) ?? []), r]);
  for (const [command, events] of byCommand) {
    const first = events[0] as LogRow;
    events.forEach((e, i) => {
      if (e.stream_id !== first.stream_id || e.stream_version !== first.stream_version + i || e.global_position !== first.global_position + i) {
        problems.push(`command ${command}'s events are not one contiguous append`);
      }
    });
  }
  return problems;
}

/**
 * Problems with what writers reported: every accepted command's events stored
 * exactly once; with `complete`, also nothing stored that nobody reported (a
 * killed writer may die between its commit and its report, so not then).
 */
export function reportProblems(db: Database, reports: readonly WorkerReport[], seeded: ReadonlySet<string>, complete: boolean): string[] {
  const problems: string[] = [];
  const rows = db.prepare('SELECT causation_id, event_id FROM redress_events ORDER BY global_position').raw().all() as [string, string][];
  const byCommand = new Map<string, string[]>();
  for (const [command, id] of rows) byCommand.set(command, [...(byCommand.get(command) ?? []), id]);
  const accepted = new Set<string>();
  for (const r of reports) {
    if (r.kind !== 'accepted') continue;
    accepted.add(r.commandId);
    const stored = byCommand.get(r.commandId) ?? [];
    if (JSON.stringify(stored) !== JSON.stringify(r.eventIds)) problems.push(`command ${r.commandId}: reported ${r.eventIds.join(',')}, stored ${stored.join(',')}`);
  }
  if (!complete) return problems;
  return [...problems, ...[...byCommand.keys()].filter((c) => !accepted.has(c) && !seeded.has(c)).map((c) => `command ${c} is stored but was never reported`)];
}
