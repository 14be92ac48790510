import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { buildTestApp, createNet, ManualClock, modelUrl, newSession, problem, type TestApp } from './support/app.js';
import { redisServer, STORES, stopRedisServer } from './support/stores.js';

/**
 * Sessions over REST (issue 3, item 2): Bearer auth, 401 versus 404 exactly as
 * api.md says, no existence oracle, idle TTL on an injected clock (renewed by
 * every authorised call), DELETE.
 */
const TTL_S = 60;
const TTL = TTL_S * 1000;

afterAll(stopRedisServer);

/** Everything but `instance` (which echoes the URL, so it differs by session id). */
const withoutInstance = (body: Record<string, unknown>) => {
  const { instance: _instance, ...rest } = body;
  return rest;
};

for (const store of STORES) {
  describe(`sessions and auth on ${store.name}`, () => {
    let t: TestApp;
    let clock: ManualClock;
    let prefix: string;
    afterEach(async () => t?.close());

    const open = async () => {
      clock = new ManualClock(Date.now());
      prefix = `auth-${randomUUID()}:`;
      t = await buildTestApp({ clock, env: { SESSION_TTL_SECONDS: String(TTL_S), ...(await store.env(prefix)) } });
    };

    it('POST /v1/sessions gives a random UUID, a 256-bit token and an RFC 3339 expiry one TTL ahead', async () => {
      await open();
      const r = await t.inject({ method: 'POST', url: '/v1/sessions' });
      expect(r.statusCode).toBe(201);
      const body = r.json();
      expect(Object.keys(body).sort()).toEqual(['expiresAt', 'id', 'token']);
      expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Buffer.from(body.token, 'base64url')).toHaveLength(32);
      expect(Buffer.from(body.token, 'base64url').toString('base64url')).toBe(body.token);
      expect(body.expiresAt).toBe(new Date(clock.now() + TTL).toISOString());
    });

    it('missing or malformed Authorization is 401 UNAUTHENTICATED on every session route', async () => {
      await open();
      const s = await newSession(t);
      await createNet(t, s);
      const urls: [string, string][] = [
        ['GET', `/v1/sessions/${s.id}`],
        ['DELETE', `/v1/sessions/${s.id}`],
        ['GET', modelUrl(s)],
        ['GET', modelUrl(s, 'net')],
        ['GET', modelUrl(s, 'net', '/parameters/0.weight')],
        ['DELETE', modelUrl(s, 'net')],
      ];
      const malformed: (string | undefined)[] = [undefined, '', s.token, `Basic ${s.token}`, 'Bearer', 'Bearer ', `Bearer ${s.token} extra`, `Token ${s.token}`];
      for (const [method, url] of urls)
        for (const authorization of malformed) {
          const r = await t.inject({ method: method as 'GET', url, headers: authorization === undefined ? {} : { authorization } });
          expect(r.statusCode, `${method} ${url} with ${JSON.stringify(authorization)}`).toBe(401);
          expect(problem(r).code).toBe('UNAUTHENTICATED');
        }
      // Nothing was deleted by the refused calls.
      expect((await t.inject({ method: 'GET', url: modelUrl(s, 'net'), headers: s.auth })).statusCode).toBe(200);
    });

    it('an unknown session, another session\'s token and an expired session all give the same 404', async () => {
      await open();
      const a = await newSession(t);
      const b = await newSession(t);
      await createNet(t, a);
      const answers = [
        await t.inject({ method: 'GET', url: `/v1/sessions/${randomUUID()}`, headers: a.auth }), // unknown id
        await t.inject({ method: 'GET', url: '/v1/sessions/not-a-uuid', headers: a.auth }), // not even an id
        // Ids that would address another key of a's session in Redis (its model index), with a's own token.
        await t.inject({ method: 'GET', url: `/v1/sessions/${a.id}:models`, headers: a.auth }),
        await t.inject({ method: 'GET', url: `/v1/sessions/${a.id}%3Amodels/models/net`, headers: a.auth }),
        await t.inject({ method: 'GET', url: `/v1/sessions/${a.id.toUpperCase()}`, headers: a.auth }),
        await t.inject({ method: 'GET', url: `/v1/sessions/${a.id}`, headers: b.auth }), // b's token on a
        await t.inject({ method: 'GET', url: `/v1/sessions/${a.id}`, headers: { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } }),
      ];
      // Model routes answer for the session first, so a wrong token cannot probe which models exist either.
      answers.push(await t.inject({ method: 'GET', url: modelUrl(a, 'net'), headers: b.auth }));
      answers.push(await t.inject({ method: 'GET', url: modelUrl(a, 'no-such-model'), headers: b.auth }));
      answers.push(await t.inject({ method: 'DELETE', url: modelUrl(a, 'net'), headers: b.auth }));
      clock.advance(TTL + 1);
      answers.push(await t.inject({ method: 'GET', url: `/v1/sessions/${a.id}`, headers: a.auth })); // expired
      answers.push(await t.inject({ method: 'GET', url: modelUrl(a, 'net'), headers: a.auth }));
      const bodies = answers.map((r) => {
        expect(r.statusCode).toBe(404);
        return withoutInstance(problem(r));
      });
      expect(bodies[0].code).toBe('SESSION_NOT_FOUND');
      for (const body of bodies) expect(body).toEqual(bodies[0]);
    });

    it('the idle TTL restarts on every authorised call and expires the session after TTL without one', async () => {
      await open();
      const s = await newSession(t);
      await createNet(t, s);
      const t0 = clock.now();
      let expiresAt = 0;
      // Each step is just short of the TTL: the session lives only because every call renews it.
      for (let step = 1; step <= 3; step++) {
        clock.advance(TTL - 1000);
        const r = await t.inject({ method: 'GET', url: `/v1/sessions/${s.id}`, headers: s.auth });
        expect(r.statusCode, `call ${step}`).toBe(200);
        expect(r.json().expiresAt).toBe(new Date(clock.now() + TTL).toISOString());
        expect(r.json().models).toEqual(['net']);
      }
      expect(clock.now() - t0).toBeGreaterThan(2 * TTL);
      // A model call renews it as well.
      clock.advance(TTL - 1000);
      expect((await t.inject({ method: 'GET', url: modelUrl(s, 'net', '/parameters/0.bias'), headers: s.auth })).statusCode).toBe(200);
      clock.advance(TTL - 1000);
      const last = await t.inject({ method: 'GET', url: `/v1/sessions/${s.id}`, headers: s.auth });
      expect(last.statusCode).toBe(200);
      expiresAt = Date.parse(last.json().expiresAt);
      // Then a full TTL with no call: gone, and so are its models.
      clock.advance(TTL);
      const r = await t.inject({ method: 'GET', url: modelUrl(s, 'net'), headers: s.auth });
      expect(r.statusCode).toBe(404);
      expect(problem(r).code).toBe('SESSION_NOT_FOUND');
      if (store.name === 'sqlite') {
        await t.service.ctx.sessions.purgeExpired();
        expect(await t.store.getModel(s.id, 'net')).toBeNull();
      } else {
        // Redis drops the keys by their own TTL on the wall clock: every key of the session expires with it.
        const redis = new Redis((await redisServer()).url);
        try {
          const keys = await redis.keys(`${prefix}*${s.id}*`);
          expect(keys.length).toBeGreaterThanOrEqual(3); // the session, its model index, the model
          for (const key of keys) expect(await redis.pexpiretime(key), key).toBe(expiresAt);
        } finally {
          redis.disconnect();
        }
      }
    });

    it('a refused call does not renew the session', async () => {
      await open();
      const a = await newSession(t);
      const b = await newSession(t);
      clock.advance(TTL - 1000);
      expect((await t.inject({ method: 'GET', url: `/v1/sessions/${a.id}`, headers: b.auth })).statusCode).toBe(404);
      clock.advance(2000);
      expect((await t.inject({ method: 'GET', url: `/v1/sessions/${a.id}`, headers: a.auth })).statusCode).toBe(404);
    });

    it('DELETE ends the session and deletes its models; the token then opens nothing', async () => {
      await open();
      const s = await newSession(t);
      const other = await newSession(t);
      await createNet(t, s, 'net');
      await createNet(t, s, 'second');
      await createNet(t, other, 'net');
      const r = await t.inject({ method: 'DELETE', url: `/v1/sessions/${s.id}`, headers: s.auth });
      expect(r.statusCode).toBe(204);
      expect(r.body).toBe('');
      for (const url of [`/v1/sessions/${s.id}`, modelUrl(s), modelUrl(s, 'net')]) {
        const after = await t.inject({ method: 'GET', url, headers: s.auth });
        expect(after.statusCode).toBe(404);
        expect(problem(after).code).toBe('SESSION_NOT_FOUND');
      }
      expect((await t.inject({ method: 'DELETE', url: `/v1/sessions/${s.id}`, headers: s.auth })).statusCode).toBe(404);
      expect(await t.store.getModel(s.id, 'net')).toBeNull();
      expect(await t.store.getModel(s.id, 'second')).toBeNull();
      expect(await t.store.listModels(s.id)).toEqual([]);
      // Another session is untouched.
      expect((await t.inject({ method: 'GET', url: modelUrl(other, 'net'), headers: other.auth })).statusCode).toBe(200);
    });
  });
}
