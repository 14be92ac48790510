import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** A session id: a random UUID (122 random bits), safe in URLs and keys. */
export function newSessionId(): string {
  return randomUUID();
}

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Whether `id` has the form of an id newSessionId() makes. Anything else is unknown without asking the store,
 * which matters for Redis: an id like `<uuid>:models` would address another key of that session.
 */
export function isSessionId(id: string): boolean {
  return SESSION_ID.test(id);
}

/** A bearer token: 256 random bits, base64url. Only its hash is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Constant-time comparison, so response timing does not reveal how much of a token matched. */
export function tokenMatches(token: string, storedHash: Buffer): boolean {
  const h = hashToken(token);
  return h.length === storedHash.length && timingSafeEqual(h, storedHash);
}

/** `Bearer <token>` → token; null when the header is missing or not a bearer credential. */
export function bearerToken(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  const m = /^\s*bearer\s+(\S+)\s*$/i.exec(authorization);
  return m === null ? null : m[1];
}
