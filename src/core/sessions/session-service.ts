import type { Store, SessionRecord } from '../store/store.js';
import type { Clock } from '../clock.js';
import { timingSafeEqual } from 'node:crypto';
import { isSessionId, newSessionId, newToken, hashToken, tokenMatches } from './credentials.js';
import { QuotaExceededError, SessionNotFoundError, UnauthenticatedError } from '../errors.js';

export interface CreatedSession {
  id: string;
  token: string;
  expiresAt: number;
}

export interface AuthorizedSession {
  session: SessionRecord;
  /** The stored version of the model asked for, looked up in the same round trip; null if absent. */
  modelVersion: number | null;
}

/**
 * Sessions: unguessable ids, tokens stored as SHA-256 hashes, idle TTL. An
 * unknown session, an expired one and a wrong token all give the same 404, so
 * a client cannot probe which sessions exist.
 */
export class SessionService {
  /** The TTL restarts on every authorised call; writing it at most this often keeps reads cheap. */
  private readonly touchEveryMs: number;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly maxSessions: number,
  ) {
    this.touchEveryMs = Math.min(1000, Math.floor(ttlMs / 10));
  }

  async create(): Promise<CreatedSession> {
    const now = this.clock.now();
    const id = newSessionId();
    const token = newToken();
    const expiresAt = now + this.ttlMs;
    const ok = await this.store.createSession({ id, tokenHash: hashToken(token), createdAt: now, expiresAt }, this.maxSessions, now);
    if (!ok) throw new QuotaExceededError('maxSessions', this.maxSessions, `at most ${this.maxSessions} live sessions`);
    return { id, token, expiresAt };
  }

  /** Checks the bearer token and restarts the idle TTL; also returns the version of `modelName` if asked. */
  /**
   * The token each session last proved with, beside the stored hash it proved
   * against: a client sends the same token on every call, and hashing it each
   * time (SHA-256) was a visible share of a small request. A changed stored
   * hash (a new session under the id) or a different token is hashed again.
   */
  private readonly proven = new Map<string, { token: Buffer; hash: Buffer }>();

  private verified(sessionId: string, token: string, storedHash: Buffer): boolean {
    const known = this.proven.get(sessionId);
    if (known !== undefined && known.hash.equals(storedHash)) {
      // Constant time, like the hash comparison it stands in for.
      const given = Buffer.from(token, 'utf8');
      if (given.length === known.token.length && timingSafeEqual(given, known.token)) return true;
    }
    if (!tokenMatches(token, storedHash)) return false;
    if (this.proven.size >= 10_000) this.proven.clear();
    this.proven.set(sessionId, { token: Buffer.from(token, 'utf8'), hash: storedHash });
    return true;
  }

  async authorize(sessionId: string, token: string | null, modelName: string | null = null): Promise<AuthorizedSession> {
    if (token === null) throw new UnauthenticatedError();
    if (!isSessionId(sessionId)) throw new SessionNotFoundError();
    const now = this.clock.now();
    const { session, modelVersion } = await this.store.lookup(sessionId, modelName, now);
    if (session === null || session.expiresAt <= now || !this.verified(sessionId, token, session.tokenHash)) throw new SessionNotFoundError();
    const renewed = now + this.ttlMs;
    if (renewed - session.expiresAt >= this.touchEveryMs) {
      await this.store.touchSession(sessionId, renewed);
      session.expiresAt = renewed;
    }
    return { session, modelVersion };
  }

  async delete(sessionId: string): Promise<void> {
    if (!(await this.store.deleteSession(sessionId))) throw new SessionNotFoundError();
  }

  async purgeExpired(): Promise<number> {
    return this.store.purgeExpired(this.clock.now());
  }
}
