/**
 * Bearer tokens: `<payload>.<signature>`, the payload naming tenant, user,
 * session and expiry, signed with HMAC-SHA256. A forged or foreign token fails
 * the signature check before any lookup; logout revokes the session it names.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  /** tenant */
  t: string;
  /** user id */
  u: string;
  /** session id */
  s: string;
  /** expiry, seconds since the epoch */
  exp: number;
}

const sign = (secret: Buffer, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function issueToken(secret: Buffer, claims: TokenClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The claims of a well-signed, unexpired token; null for anything else. */
export function readToken(secret: Buffer, token: string, now = Date.now()): TokenClaims | null {
  if (typeof token !== 'string' || token.length > 2048) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    if (typeof claims.t !== 'string' || typeof claims.u !== 'string' || typeof claims.s !== 'string' || typeof claims.exp !== 'number') return null;
    return claims.exp * 1000 > now ? claims : null;
  } catch {
    return null;
  }
}
