import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signPayload, verifySignature } from '../../runtime/messaging/signature.js';

const SECRET = 'whsec_0123456789abcdef';
const body = JSON.stringify({ event: 'opportunity.won', amount: 120000, name: '云帆' });
const now = new Date('2026-03-02T01:00:00Z');
const ts = String(now.getTime() / 1000);

describe('webhook signatures', () => {
  it('is HMAC-SHA256 over "<timestamp>.<body>" as sha256=<hex>', () => {
    const expected = createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex');
    expect(signPayload(SECRET, ts, body)).toBe(`sha256=${expected}`);
    expect(signPayload(SECRET, ts, Buffer.from(body))).toBe(`sha256=${expected}`);
  });

  it('verifies a fresh signature of the same body with the same secret', () => {
    expect(verifySignature(SECRET, { timestamp: ts, signature: signPayload(SECRET, ts, body) }, body, now)).toBe(true);
    expect(verifySignature(SECRET, { timestamp: ts, signature: signPayload(SECRET, ts, body) }, body, now.getTime() + 299_000)).toBe(true);
  });

  it('refuses another secret, another body, another timestamp, or a malformed header', () => {
    const signature = signPayload(SECRET, ts, body);
    expect(verifySignature('whsec_another_secret_x', { timestamp: ts, signature }, body, now)).toBe(false);
    expect(verifySignature(SECRET, { timestamp: ts, signature }, body.replace('120000', '120001'), now)).toBe(false);
    expect(verifySignature(SECRET, { timestamp: String(Number(ts) + 1), signature }, body, now)).toBe(false);
    for (const bad of [undefined, '', signature.toUpperCase(), signature.slice(7), `${signature}0`, [signature]]) {
      expect(verifySignature(SECRET, { timestamp: ts, signature: bad }, body, now)).toBe(false);
    }
    for (const bad of [undefined, '', '1.5', '-1', `${ts}x`, [ts]]) {
      expect(verifySignature(SECRET, { timestamp: bad, signature }, body, now)).toBe(false);
    }
  });

  it('refuses stale and future timestamps beyond the tolerance', () => {
    const old = String(Number(ts) - 301);
    const future = String(Number(ts) + 301);
    expect(verifySignature(SECRET, { timestamp: old, signature: signPayload(SECRET, old, body) }, body, now)).toBe(false);
    expect(verifySignature(SECRET, { timestamp: future, signature: signPayload(SECRET, future, body) }, body, now)).toBe(false);
    expect(verifySignature(SECRET, { timestamp: old, signature: signPayload(SECRET, old, body) }, body, now, 400_000)).toBe(true);
  });
});
