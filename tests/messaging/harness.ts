/**
 * Test doubles of the outside world only (never of our own parts): a local
 * HTTP receiver for webhooks and a local SMTP server, both on 127.0.0.1 with a
 * random port; plus a Scheduler over the API harness's real store, run by hand
 * with a clock the test moves.
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Scheduler } from '../../runtime/scheduler/index.js';
import type { Store, TenantStore } from '../../runtime/store/port.js';
import { afterEach, expect } from 'vitest';
import { messagingJobHandlers } from '../../runtime/messaging/jobs.js';
import type { Mailer } from '../../runtime/messaging/mailer.js';
import { FakeClock } from '../scheduler/harness.js';

export { FakeClock };
export const T0 = new Date('2026-03-02T01:00:00Z');

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface Receiver {
  url: string;
  requests: Received[];
  close(): Promise<void>;
}

/** An HTTP server answering each POST with what `answer` returns; `'hang'` never answers. */
export async function startReceiver(answer: (req: Received, n: number) => Reply | 'hang'): Promise<Receiver> {
  const requests: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(received);
      const reply = answer(received, requests.length);
      if (reply === 'hang') return;
      res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface SentMail {
  from: string;
  to: string[];
  data: string;
}

/** A plain SMTP server (no TLS, no auth) that keeps every message it accepts. */
export async function startSmtp(): Promise<{ url: string; mails: SentMail[]; close(): Promise<void> }> {
  const mails: SentMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        mails.push({ from: from ? from.address : '', to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port on 127.0.0.1 that nothing listens on (taken, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A scheduler with the messaging handlers over the harness store, with the production backoff. */
export function messagingScheduler(store: Store, tenant: string, clock: FakeClock, opts: { mailer: Mailer; webhookTimeoutMs?: number }): Scheduler {
  return new Scheduler({ store, tenants: async () => [tenant], handlers: messagingJobHandlers(opts), workerId: 'test', clock: clock.now, pollMs: 10 });
}

/**
 * The tests of a file share one tenant: after each test its scheduler runs the
 * test's jobs to the end (each hour up to `rounds` times), and nothing of
 * `collection` may be left in the `unfinished` state for the next test's
 * scheduler to pick up. Returns the function a test calls with its scheduler.
 */
export function drainAfterEach(store: () => TenantStore, collection: string, unfinished: string, rounds: number): (s: Scheduler, clock: FakeClock) => void {
  let current: { s: Scheduler; clock: FakeClock } | null = null;
  afterEach(async () => {
    if (!current) return;
    const { s, clock } = current;
    current = null;
    for (let round = 0; round < rounds; round++) {
      clock.advance(3_600_000);
      await s.runDue();
    }
    expect(await store().collection(collection).count({ state: unfinished })).toBe(0);
  });
  return (s, clock) => {
    current = { s, clock };
  };
}
