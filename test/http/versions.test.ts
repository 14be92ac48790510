import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { buildTestApp, createNet, modelUrl, newSession, problem, type SessionCreds, type TestApp } from './support/app.js';
import { STORES, stopRedisServer } from './support/stores.js';

/**
 * Versions (issue 3, item 4): every successful change of a model adds exactly
 * one to `version`; reads change nothing; `ETag` is the quoted version; every
 * write and DELETE honours `If-Match` (412 VERSION_MISMATCH on a mismatch, `*`
 * and lists accepted) and a refused write changes nothing.
 */
afterAll(stopRedisServer);

type Write = { label: string; request: (s: SessionCreds) => InjectOptions };

const json = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object) => ({ method, url, payload });

/** One of every kind of write the contract has; each must bump the version by exactly one. */
const WRITES: Write[] = [
  { label: 'PUT parameter', request: (s) => json('PUT', modelUrl(s, 'net', '/parameters/2.bias'), { data: [0.5] }) },
  { label: 'PATCH parameter (edit)', request: (s) => json('PATCH', modelUrl(s, 'net', '/parameters/0.weight'), { index: '0, 0', op: 'set', value: 42 }) },
  { label: 'PATCH parameter (freeze)', request: (s) => json('PATCH', modelUrl(s, 'net', '/parameters/0.bias'), { requiresGrad: false }) },
  { label: 'PATCH model (eval mode)', request: (s) => json('PATCH', modelUrl(s, 'net'), { training: false }) },
  { label: 'initialize', request: (s) => json('POST', modelUrl(s, 'net', '/initialize'), { moduleTypes: ['Linear'], weight: { name: 'normal', std: 0.01 }, seed: 3 }) },
  { label: 'backward', request: (s) => json('POST', modelUrl(s, 'net', '/backward'), { input: [[1, 2, 3, 4]], loss: 'sum' }) },
  { label: 'zero_grad', request: (s) => json('POST', modelUrl(s, 'net', '/zero_grad'), {}) },
  {
    label: 'PUT state_dict (JSON)',
    request: (s) => json('PUT', modelUrl(s, 'net', '/state_dict'), { stateDict: { '2.bias': { shape: [1], data: [0.25] } }, strict: false }),
  },
  { label: 'ties', request: (s) => json('POST', modelUrl(s, 'net', '/ties'), { parameter: '2.bias', to: '2.bias' }) },
];

for (const store of STORES) {
  describe(`versions, ETag and If-Match on ${store.name}`, () => {
    let t: TestApp;
    let s: SessionCreds;
    beforeAll(async () => {
      t = await buildTestApp({ env: await store.env() });
      s = await newSession(t);
    });
    afterAll(async () => t?.close());

    const version = async (name = 'net') => {
      const r = await t.inject({ method: 'GET', url: modelUrl(s, name), headers: s.auth });
      expect(r.statusCode).toBe(200);
      expect(r.headers.etag).toBe(`"${r.json().version}"`);
      return r.json().version as number;
    };

    it('a new model is version 1, and every read answers with ETag = the version and changes nothing', async () => {
      const created = await t.inject({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name: 'reads', architecture: { type: 'Linear', in_features: 2, out_features: 1 }, seed: 1 } });
      expect(created.statusCode).toBe(201);
      expect(created.json().version).toBe(1);
      expect(created.headers.etag).toBe('"1"');
      const reads = [
        modelUrl(s, 'reads'),
        modelUrl(s, 'reads', '/parameters'),
        modelUrl(s, 'reads', '/parameters/weight'),
        modelUrl(s, 'reads', '/state_dict'),
        modelUrl(s, 'reads', '/state_dict?format=safetensors'),
      ];
      for (let round = 0; round < 2; round++)
        for (const url of reads) {
          const r = await t.inject({ method: 'GET', url, headers: s.auth });
          expect(r.statusCode, url).toBe(200);
          expect(r.headers.etag, url).toBe('"1"');
        }
      const fwd = await t.inject({ method: 'POST', url: modelUrl(s, 'reads', '/forward'), headers: s.auth, payload: { input: [[1, 2]] } });
      expect(fwd.headers.etag).toBe('"1"');
      expect(fwd.json().version).toBe(1);
      expect(await version('reads')).toBe(1);
    });

    it('every kind of write adds exactly one to the version, and its reply carries the new ETag', async () => {
      await createNet(t, s, 'net');
      let expected = await version();
      expect(expected).toBe(1);
      for (const write of WRITES) {
        const r = await t.inject({ ...write.request(s), headers: s.auth });
        expect(r.statusCode, `${write.label}: ${r.body}`).toBe(200);
        expected += 1;
        expect(r.headers.etag, write.label).toBe(`"${expected}"`);
        expect(await version(), write.label).toBe(expected);
      }
      // A safetensors state_dict round trip is a write too.
      const file = await t.inject({ method: 'GET', url: modelUrl(s, 'net', '/state_dict?format=safetensors'), headers: s.auth });
      const put = await t.inject({ method: 'PUT', url: modelUrl(s, 'net', '/state_dict'), headers: { ...s.auth, 'content-type': 'application/octet-stream' }, payload: file.rawPayload });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json().version).toBe(expected + 1);
      expect(await version()).toBe(expected + 1);
    });

    it('If-Match with a stale version is 412 VERSION_MISMATCH on every write and on DELETE, and changes nothing', async () => {
      await createNet(t, s, 'guarded');
      const req = (w: Write) => {
        const r = w.request(s);
        return { ...r, url: String(r.url).replace('/models/net', '/models/guarded') };
      };
      for (const write of WRITES) {
        const before = await version('guarded');
        for (const ifMatch of [`"${before - 1}"`, `"${before + 1}"`, `W/"${before + 7}"`, `"${before + 1}", "${before + 2}"`]) {
          const r = await t.inject({ ...req(write), headers: { ...s.auth, 'if-match': ifMatch } });
          expect(r.statusCode, `${write.label} If-Match ${ifMatch}`).toBe(412);
          const body = problem(r);
          expect(body.code).toBe('VERSION_MISMATCH');
          expect(body.currentVersion).toBe(before);
        }
        expect(await version('guarded'), write.label).toBe(before);
        // The current version, as sent back in ETag, is accepted.
        const ok = await t.inject({ ...req(write), headers: { ...s.auth, 'if-match': `"${before}"` } });
        expect(ok.statusCode, `${write.label}: ${ok.body}`).toBe(200);
        expect(await version('guarded')).toBe(before + 1);
      }
      const current = await version('guarded');
      const refused = await t.inject({ method: 'DELETE', url: modelUrl(s, 'guarded'), headers: { ...s.auth, 'if-match': `"${current - 1}"` } });
      expect(refused.statusCode).toBe(412);
      expect(problem(refused).code).toBe('VERSION_MISMATCH');
      expect(await version('guarded')).toBe(current);
      const deleted = await t.inject({ method: 'DELETE', url: modelUrl(s, 'guarded'), headers: { ...s.auth, 'if-match': `"${current}"` } });
      expect(deleted.statusCode).toBe(204);
      expect((await t.inject({ method: 'GET', url: modelUrl(s, 'guarded'), headers: s.auth })).statusCode).toBe(404);
    });

    it('If-Match accepts *, weak tags, bare numbers and lists that contain the current version', async () => {
      await createNet(t, s, 'lists');
      const patch = (ifMatch: string) =>
        t.inject({ method: 'PATCH', url: modelUrl(s, 'lists', '/parameters/2.bias'), headers: { ...s.auth, 'if-match': ifMatch }, payload: { op: 'add', value: 1 } });
      let v = await version('lists');
      for (const ifMatch of ['*', () => `W/"${v}"`, () => `${v}`, () => `"${v + 5}", "${v}"`, () => `"1","2","${v}"`]) {
        const header = typeof ifMatch === 'string' ? ifMatch : ifMatch();
        const r = await patch(header);
        expect(r.statusCode, `If-Match ${header}: ${r.body}`).toBe(200);
        v += 1;
        expect(r.json().version).toBe(v);
      }
      // A DELETE with * deletes whatever the version.
      const r = await t.inject({ method: 'DELETE', url: modelUrl(s, 'lists'), headers: { ...s.auth, 'if-match': '*' } });
      expect(r.statusCode).toBe(204);
    });

    it('a malformed If-Match is 400 naming the header, and changes nothing', async () => {
      await createNet(t, s, 'malformed');
      for (const ifMatch of ['"abc"', '"-1"', 'nonsense', `"${'9'.repeat(40)}"`]) {
        const r = await t.inject({ method: 'PATCH', url: modelUrl(s, 'malformed', '/parameters/2.bias'), headers: { ...s.auth, 'if-match': ifMatch }, payload: { op: 'add', value: 1 } });
        expect(r.statusCode, ifMatch).toBe(400);
        const body = problem(r);
        expect(body.field).toBe('If-Match');
      }
      expect(await version('malformed')).toBe(1);
    });
  });
}
