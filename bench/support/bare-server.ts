/**
 * The ceiling the HTTP bench measures paramserve against: fastify with a bare
 * handler per benchmarked request doing the same engine work (forward of the
 * 4-8-1 net with its repr, a parameter read with its repr, an in-place add),
 * and nothing else: no auth, no store, no versions, no validation, no hooks,
 * no metrics. What paramserve spends above this is the cost of being a
 * service. In-memory, one model, 127.0.0.1 only; not a paramserve.
 *
 *   node --import tsx bench/support/bare-server.ts PORT
 */
import Fastify from 'fastify';
import { Generator, formatParameter, formatTensor, tensor, type Tensor } from '../../src/engine/index.js';
import { editParameter, Linear, ReLU, Sequential, type ParameterEdit } from '../../src/nn/index.js';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error('usage: bare-server.ts PORT');

const net = new Sequential([new Linear(4, 8, { generator: new Generator(0) }), new ReLU(), new Linear(8, 1, { generator: new Generator(0) })]);
const weight = (net.at(0) as Linear).weight;

const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ status: 'ok' }));
app.post('/v1/sessions', async (_req, reply) => reply.code(201).send({ id: 'bare', token: 'bare', expiresAt: new Date().toISOString() }));
app.post('/v1/sessions/:sid/models', async (_req, reply) => reply.code(201).send({ name: 'net', version: 1 }));
app.post('/v1/sessions/:sid/models/:name/forward', async (req) => {
  const output: Tensor = net.forward(tensor((req.body as { input: number[][] }).input));
  return { output: output.tolist(), shape: output.shape, gradFn: output.gradFn?.name ?? null, repr: formatTensor(output), version: 1 };
});
app.get('/v1/sessions/:sid/models/:name/parameters/:param', async () => ({
  name: '0.weight',
  shape: weight.shape,
  dtype: 'float32',
  requiresGrad: weight.requiresGrad,
  data: weight.tolist(),
  grad: null,
  repr: formatParameter(weight),
}));
app.patch('/v1/sessions/:sid/models/:name/parameters/:param', async (req) => {
  editParameter(weight, req.body as ParameterEdit);
  return { name: '0.weight', shape: weight.shape, dtype: 'float32', requiresGrad: weight.requiresGrad, data: weight.tolist(), grad: null, repr: formatParameter(weight) };
});

await app.listen({ host: '127.0.0.1', port });
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
