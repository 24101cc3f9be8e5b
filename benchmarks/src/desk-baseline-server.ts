/**
 * The baseline of the service-desk load test: the least an HTTP server on this machine can
 * do for the same requests. GET answers a prepared JSON body of the size the desk's answer
 * has; POST parses the JSON body and inserts one row into SQLite (WAL, synchronous=FULL, one
 * transaction), as durable as the desk's default store. No framework, no auth, no engine.
 *
 *   PORT=0 BOARD_BYTES=… TICKET_BYTES=… BASELINE_DB=/tmp/x.db node --import tsx desk-baseline-server.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';

const body = (bytes: number) => JSON.stringify({ padding: 'x'.repeat(Math.max(0, bytes - 14)) });
const board = body(Number(process.env.BOARD_BYTES ?? 10_000));
const ticket = body(Number(process.env.TICKET_BYTES ?? 3_000));
const db = new Database(process.env.BASELINE_DB ?? ':memory:');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, complaint TEXT NOT NULL, data TEXT NOT NULL, at TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO notes (complaint, data, at) VALUES (?, ?, ?)');

const server = createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url?.startsWith('/ticket') ? ticket : board);
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: unknown };
    const row = insert.run(req.url ?? '', JSON.stringify(parsed.data), new Date().toISOString());
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: Number(row.lastInsertRowid) }));
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`baseline on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
