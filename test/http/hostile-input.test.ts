import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, createNet, modelUrl, newSession, NET, problem, type SessionCreds, type TestApp } from './support/app.js';

/**
 * Nothing a client sends can crash the process (issue 3, item 6): hostile
 * values put in every field of every body (and in paths and headers) get a 4xx
 * in the one problem+json shape: never a 5xx, never a hang, never a log line
 * of an unhandled error, and the process answers afterwards.
 */
const DEPTH = 100_000;
const HOSTILE: Record<string, string> = {
  'an array nested 100k deep': '['.repeat(DEPTH) + ']'.repeat(DEPTH),
  'an object nested 100k deep': '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH),
  'a mixed array/object nest 100k deep': '[{"a":'.repeat(DEPTH / 2) + '0' + '}]'.repeat(DEPTH / 2),
  'a number beyond a double (1e999)': '1e999',
  'a negative number beyond a double': '-1e400',
  'a 400-digit integer': '9'.repeat(400),
  'a 1 MB string': JSON.stringify('A'.repeat(1 << 20)),
  'a __proto__ key': '{"__proto__": {"polluted": true}, "name": "zeros"}',
  'a constructor.prototype key': '{"constructor": {"prototype": {"polluted": true}}}',
};
/** Expensive to parse (about 4 MB), so only where an array is expected. */
const MANY_STRINGS = '[' + '"x",'.repeat(999_999) + '"x"]';

let t: TestApp;
let s: SessionCreds;
const errorLogs = () => t.logs.filter((l) => (l.level as number) >= 50);

beforeAll(async () => {
  t = await buildTestApp({ captureLogs: true });
  s = await newSession(t);
  await createNet(t, s, 'net');
});
afterAll(async () => t?.close());

const TRAIN_REST = '"loss": "mse", "inputs": [[1, 2, 3, 4]], "targets": [[1]], "epochs": 1, "batchSize": 1';

/** Every field of every body, as a template with `$` where the hostile value goes; the rest is valid. */
function templates(): [string, string, string][] {
  const m = (rest = '') => modelUrl(s, 'net', rest);
  const arch = (x: string) => `{"name": "h", "architecture": ${x}}`;
  return [
    ['POST', modelUrl(s), '{"name": $, "architecture": {"type": "ReLU"}}'],
    ['POST', modelUrl(s), arch('$')],
    ['POST', modelUrl(s), '{"name": "h", "seed": $, "architecture": {"type": "ReLU"}}'],
    ['POST', modelUrl(s), arch('{"type": $}')],
    ['POST', modelUrl(s), arch('{"type": "Sequential", "layers": $}')],
    ['POST', modelUrl(s), arch('{"type": "Sequential", "layers": [$]}')],
    ['POST', modelUrl(s), arch('{"type": "Sequential", "layers": [{"type": "ReLU", "name": $}]}')],
    ['POST', modelUrl(s), arch('{"type": "Linear", "in_features": $, "out_features": 2}')],
    ['POST', modelUrl(s), arch('{"type": "Dropout", "p": $}')],
    ['POST', modelUrl(s), arch('{"type": "Sequential", "shared": $, "layers": []}')],
    ['POST', modelUrl(s), arch('{"type": "Sequential", "shared": {"s": $}, "layers": [{"ref": "s"}]}')],
    ['POST', modelUrl(s), arch('{"type": "Sequential", "layers": [{"ref": $}]}')],
    ['POST', modelUrl(s), arch('{"type": "Sequential", "layers": [], "ties": $}')],
    ['POST', modelUrl(s), arch('{"type": "Sequential", "layers": [], "ties": [{"parameter": $, "to": "0.weight"}]}')],
    ['POST', m('/forward'), '{"input": $}'],
    ['POST', m('/forward'), '{"input": [[1, 2, 3, $]]}'],
    ['POST', m('/forward'), '{"input": {"shape": $, "data": [1, 2, 3, 4]}}'],
    ['POST', m('/forward'), '{"input": {"shape": [1, 4], "data": $}}'],
    ['POST', m('/forward'), '{"input": {"shape": [1, 4], "base64": $}}'],
    ['POST', m('/forward'), '{"input": [[1, 2, 3, 4]], "seed": $}'],
    ['POST', m('/backward'), '{"input": $, "loss": "sum"}'],
    ['POST', m('/backward'), '{"input": [[1, 2, 3, 4]], "loss": $}'],
    ['POST', m('/backward'), '{"input": [[1, 2, 3, 4]], "loss": "mse", "target": $}'],
    ['POST', m('/backward'), '{"input": [[1, 2, 3, 4]], "gradOutput": $}'],
    ['POST', m('/zero_grad'), '{"setToNone": $}'],
    ['POST', m('/initialize'), '{"weight": $}'],
    ['POST', m('/initialize'), '{"weight": {"name": $}}'],
    ['POST', m('/initialize'), '{"weight": {"name": "normal", "std": $}}'],
    ['POST', m('/initialize'), '{"weight": {"name": "mixture", "components": $}}'],
    ['POST', m('/initialize'), '{"weight": {"name": "mixture", "components": [{"weight": 1, "init": $}]}}'],
    ['POST', m('/initialize'), '{"module": $, "weight": {"name": "zeros"}}'],
    ['POST', m('/initialize'), '{"moduleTypes": $, "weight": {"name": "zeros"}}'],
    ['POST', m('/initialize'), '{"weight": {"name": "zeros"}, "seed": $}'],
    ['POST', m('/ties'), '{"module": $, "to": "0"}'],
    ['POST', m('/ties'), '{"parameter": "2.bias", "to": $}'],
    ['PUT', m('/parameters/0.bias'), '{"data": $}'],
    ['PATCH', m('/parameters/0.bias'), '{"op": "set", "value": $}'],
    ['PATCH', m('/parameters/0.bias'), '{"index": $, "op": "set", "value": 1}'],
    ['PATCH', m('/parameters/0.bias'), '{"op": $, "value": 1}'],
    ['PATCH', m('/parameters/0.bias'), '{"requiresGrad": $}'],
    ['PATCH', m(), '{"training": $}'],
    ['PUT', m('/state_dict'), '{"stateDict": $}'],
    ['PUT', m('/state_dict'), '{"stateDict": {"0.bias": $}, "strict": false}'],
    ['PUT', m('/state_dict'), '{"stateDict": {"0.bias": [1, 2, 3, 4, 5, 6, 7, 8]}, "strict": $}'],
    ['PUT', m('/state_dict'), '$'],
    ['POST', m('/train'), `{"optimizer": {"name": "sgd", "lr": $}, ${TRAIN_REST}}`],
    ['POST', m('/train'), '{"optimizer": {"name": "sgd", "lr": 0.1}, "loss": "mse", "inputs": $, "targets": [[1]], "epochs": 1, "batchSize": 1}'],
    ['POST', m('/train'), '{"optimizer": {"name": "sgd", "lr": 0.1}, "loss": "mse", "inputs": [[1, 2, 3, 4]], "targets": $, "epochs": 1, "batchSize": 1}'],
  ];
}

async function send(method: string, url: string, payload: string | Buffer): Promise<LightMyRequestResponse> {
  return t.inject({ method: method as 'POST', url, headers: { ...s.auth, 'content-type': 'application/json' }, payload });
}

function expect4xx(r: LightMyRequestResponse, what: string): void {
  expect(r.statusCode, `${what}: ${r.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(r.statusCode, `${what}: ${r.body.slice(0, 300)}`).toBeLessThan(500);
  problem(r);
}

/**
 * Where a value of that kind is valid input, so not refused: a child module's name is any string without '.'
 * (PyTorch's add_module rule; its length is bounded by the body limit), and moduleTypes may list type names no
 * module has (PyTorch's `type(m) == T` filter then matches nothing).
 */
const VALID_THERE: Record<string, RegExp> = {
  'a 1 MB string': /"type": "ReLU", "name": \$/,
};

describe('hostile bodies get a 4xx, in every field of every route', () => {
  for (const [label, value] of Object.entries(HOSTILE))
    it(label, async () => {
      for (const [method, url, template] of templates()) {
        if (VALID_THERE[label]?.test(template)) continue;
        const r = await send(method, url, template.replace('$', value));
        expect4xx(r, `${method} ${url.replace(/.*\/models/, '…')} ${template}`);
      }
      expect(errorLogs()).toEqual([]);
    });

  it('a million-element array of strings where arrays are expected', async () => {
    const positions = templates().filter(([, , tpl]) => /"(input|target|gradOutput|data|value|layers|components)": \$/.test(tpl));
    expect(positions.length).toBeGreaterThanOrEqual(8);
    for (const [method, url, template] of positions) expect4xx(await send(method, url, template.replace('$', MANY_STRINGS)), template);
    expect(errorLogs()).toEqual([]);
  });

  it('bytes that are not UTF-8, in a string of each route', async () => {
    const bad = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]);
    for (const [method, url, template] of templates().filter(([, , tpl]) => tpl.includes('"name": $') || tpl.includes('"index": $') || tpl.includes('"loss": $'))) {
      const [head, tail] = template.split('$');
      const r = await send(method, url, Buffer.concat([Buffer.from(`${head}"`), bad, Buffer.from(`"${tail}`)]));
      expect4xx(r, template);
      expect(problem(r).detail).toMatch(/UTF-8/);
    }
  });

  it('a prototype-polluting body changes no object of the process', async () => {
    await send('POST', modelUrl(s), '{"name": "p", "architecture": {"type": "ReLU"}, "__proto__": {"isAdmin": true}}');
    await send('POST', modelUrl(s, 'net', '/initialize'), '{"weight": {"name": "zeros", "constructor": {"prototype": {"isAdmin": true}}}}');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile names, paths and headers', () => {
  it('model names with NUL, newlines, "/", lone surrogates or over 256 characters are 400 naming the field', async () => {
    for (const name of ['a\u0000b', 'a\nb', 'a\rb', '\t', 'a/b', '/', '\ud800', 'x\udc00y', '', 'n'.repeat(257), '\u007f']) {
      const r = await t.inject({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name, architecture: NET } });
      expect(r.statusCode, JSON.stringify(name)).toBe(400);
      expect(problem(r).field).toBe('name');
    }
  });

  it('long names stay reachable: a 256-character model name, a parameter path of over 100 characters', async () => {
    const name = 'm'.repeat(256);
    const child = (i: number) => ({ name: `a rather long child module name number ${i}`, type: 'Sequential', layers: [] as unknown[] });
    const arch = child(0);
    let at = arch;
    for (let i = 1; i < 4; i++) {
      const next = child(i);
      at.layers.push(next);
      at = next;
    }
    at.layers.push({ type: 'Linear', in_features: 2, out_features: 1 });
    const created = await t.inject({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name, architecture: { type: 'Sequential', layers: [arch] } } });
    expect(created.statusCode, created.body).toBe(201);
    const path = created.json().parameters[0].name as string;
    expect(path.length).toBeGreaterThan(100);
    const r = await t.inject({ method: 'GET', url: modelUrl(s, name, `/parameters/${encodeURIComponent(path)}`), headers: s.auth });
    expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
    expect(r.json().name).toBe(path);
    expect((await t.inject({ method: 'DELETE', url: modelUrl(s, name), headers: s.auth })).statusCode).toBe(204);
  });

  it('percent-encoding is decoded once: a name holding "%2F" is its own model, "a%2Fb" in a URL is the name "a/b"', async () => {
    const literal = 'a%2Fb..%00';
    expect((await t.inject({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name: literal, architecture: NET } })).statusCode).toBe(201);
    const byName = await t.inject({ method: 'GET', url: modelUrl(s, literal), headers: s.auth }); // sent as a%252Fb..%2500
    expect(byName.statusCode).toBe(200);
    expect(byName.json().name).toBe(literal);
    for (const segment of ['a%2Fb..%00', 'a%2Fb', '..', '%2e%2e', '%2E%2E%2F%2E%2E', 'a%00b', 'a%0Ab', '%C0%AE%C0%AE', '%FF']) {
      const r = await t.inject({ method: 'GET', url: `/v1/sessions/${s.id}/models/${segment}`, headers: s.auth });
      expect([400, 404], `${segment}: ${r.body}`).toContain(r.statusCode);
      problem(r);
    }
    // ".." never walks out of the session's models.
    const up = await t.inject({ method: 'GET', url: `/v1/sessions/${s.id}/models/net/parameters/..%2F..%2F..`, headers: s.auth });
    expect(up.statusCode).toBe(404);
    expect(problem(up).code).toBe('PARAMETER_NOT_FOUND');
  });

  it('enormous index strings, paths and module paths are refused without echoing them whole', async () => {
    const index = await t.inject({ method: 'PATCH', url: modelUrl(s, 'net', '/parameters/0.bias'), headers: s.auth, payload: { index: '0,'.repeat(500_000), op: 'set', value: 1 } });
    expect4xx(index, 'index');
    expect(problem(index).code).toBe('INVALID_INDEX');
    expect(index.body.length).toBeLessThan(2000);
    const path = await t.inject({ method: 'GET', url: modelUrl(s, 'net', `/parameters/${'0.'.repeat(4000)}weight`), headers: s.auth });
    expect4xx(path, 'parameter path');
    const module = await t.inject({ method: 'GET', url: modelUrl(s, 'net', `/parameters?module=${'9'.repeat(5000)}`), headers: s.auth });
    expect4xx(module, 'module path');
  });

  it('hostile Authorization and If-Match headers are 4xx', async () => {
    for (const authorization of [`Bearer ${'A'.repeat(8000)}`, 'Bearer \u0000', `Bearer ${s.token}\u0000`, 'Bearer ' + '%'.repeat(100)]) {
      const r = await t.inject({ method: 'GET', url: modelUrl(s, 'net'), headers: { authorization } });
      expect4xx(r, authorization.slice(0, 20));
    }
    for (const ifMatch of ['"1"'.repeat(5000), '*, "x"', '"1e999"', '"9007199254740993"', 'W/', '""']) {
      const r = await t.inject({ method: 'PATCH', url: modelUrl(s, 'net', '/parameters/0.bias'), headers: { ...s.auth, 'if-match': ifMatch }, payload: { op: 'add', value: 1 } });
      expect4xx(r, ifMatch.slice(0, 20));
    }
  });

  it('after all of it the process answers and the model is untouched', async () => {
    expect((await t.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const model = await t.inject({ method: 'GET', url: modelUrl(s, 'net'), headers: s.auth });
    expect(model.json().version).toBe(1);
    expect(errorLogs()).toEqual([]);
  });
});
