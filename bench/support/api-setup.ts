/**
 * The requests the HTTP bench sends, and the setup they need: a session and
 * the chapter's 4-8-1 net, made the same way in every service under test.
 */
export const NET_4_8_1 = {
  type: 'Sequential',
  layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 1 }],
};

export const ENDPOINTS = ['forward', 'read', 'patch'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export interface BenchRequest {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export const ENDPOINT_TITLES: Record<Endpoint, string> = {
  forward: 'forward: POST {m}/forward, a 2x4 input',
  read: 'parameter read: GET {m}/parameters/0.weight',
  patch: 'parameter PATCH: {m}/parameters/0.weight {index ":", op add, value 0}',
};

async function call(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<any> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return text === '' ? null : JSON.parse(text);
}

/** Creates a session and the 4-8-1 net (seed 0) in it; returns the three requests, each checked once. */
export async function prepareRequests(baseUrl: string): Promise<Record<Endpoint, BenchRequest>> {
  const session = await call('POST', `${baseUrl}/v1/sessions`, {});
  const auth = { authorization: `Bearer ${session.token}` };
  const models = `${baseUrl}/v1/sessions/${session.id}/models`;
  await call('POST', models, auth, { name: 'net', seed: 0, architecture: NET_4_8_1 });
  const m = `${models}/net`;
  const json = { ...auth, 'content-type': 'application/json' };
  const requests: Record<Endpoint, BenchRequest> = {
    forward: { method: 'POST', url: `${m}/forward`, headers: json, body: JSON.stringify({ input: [[0.1, 0.2, 0.3, 0.4], [0.5, 0.6, 0.7, 0.8]] }) },
    read: { method: 'GET', url: `${m}/parameters/0.weight`, headers: auth },
    // add 0: a real write (a new version each time) whose values stay bounded however many run.
    patch: { method: 'PATCH', url: `${m}/parameters/0.weight`, headers: json, body: JSON.stringify({ index: ':', op: 'add', value: 0 }) },
  };
  const forward = await call('POST', requests.forward.url, auth, JSON.parse(requests.forward.body!));
  if (JSON.stringify(forward.shape) !== '[2,1]') throw new Error(`forward on ${baseUrl} answered shape ${JSON.stringify(forward.shape)}, not [2,1]`);
  const read = await call('GET', requests.read.url, auth);
  if (JSON.stringify(read.shape) !== '[8,4]') throw new Error(`parameter read on ${baseUrl} answered shape ${JSON.stringify(read.shape)}, not [8,4]`);
  const patched = await call('PATCH', requests.patch.url, auth, JSON.parse(requests.patch.body!));
  if (JSON.stringify(patched.data) !== JSON.stringify(read.data)) throw new Error(`PATCH add 0 on ${baseUrl} changed the values`);
  return requests;
}
