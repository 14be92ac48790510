/**
 * Issue 6, item 3: does a training run on one session stall the others? A
 * 784-256-256-10 net trains (batches of 64, cross_entropy, Adam) on session A
 * through a streaming POST {m}/train, while session B sends forwards on the
 * chapter's 4-8-1 net; B's forward latency (p50, p99) is measured with the
 * same load with and without the run, and the ratio printed. The run is
 * cancelled by disconnecting, as a client would, and must end 'cancelled'.
 *
 * paramserve is a child process on 127.0.0.1 with its defaults (a training
 * thread per run, COMPUTE_WORKERS = cores - 1), once per TRAIN_THREAD_NICE
 * value asked for (the default 10, and 0: the training thread at the event
 * loop's priority), each measured alone and during a run; the load generator
 * is this process (autocannon, closed loop).
 *
 *   npx tsx bench/train-fairness.ts [--quick]
 *   BENCH_FAIRNESS_SECONDS=10        duration of each phase (quick: 2)
 *   BENCH_FAIRNESS_CONNECTIONS=1     concurrent forward clients on session B
 *   BENCH_FAIRNESS_ROWS=2048         training rows (784 floats each, sent as base64)
 *   BENCH_FAIRNESS_NICE=10,0         TRAIN_THREAD_NICE values to compare
 */
import { availableParallelism, loadavg } from 'node:os';
import { prepareRequests } from './support/api-setup.js';
import { formatMs, formatRate, printTable } from './support/format.js';
import { runLoad, type CellResult } from './support/load.js';
import { numberOption, quick } from './support/options.js';
import { startParamserve, type Service } from './support/services.js';

const seconds = numberOption('BENCH_FAIRNESS_SECONDS', 10, 2);
const connections = numberOption('BENCH_FAIRNESS_CONNECTIONS', 1);
const rows = numberOption('BENCH_FAIRNESS_ROWS', 2048, 512);
const niceValues = (process.env.BENCH_FAIRNESS_NICE ?? '10,0').split(',').map((v) => Number(v.trim()));
const BATCH = 64;

const MLP = {
  type: 'Sequential',
  layers: [
    { type: 'Linear', in_features: 784, out_features: 256 },
    { type: 'ReLU' },
    { type: 'Linear', in_features: 256, out_features: 256 },
    { type: 'ReLU' },
    { type: 'Linear', in_features: 256, out_features: 10 },
  ],
};

async function call(method: string, url: string, token: string | null, body?: unknown): Promise<any> {
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return text === '' ? null : JSON.parse(text);
}

/** A deterministic synthetic data set (a linear congruential generator, so every run sends the same bytes). */
function dataset(n: number): { inputs: unknown; targets: number[] } {
  const x = new Float32Array(n * 784);
  let state = 12345;
  for (let i = 0; i < x.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    x[i] = state / 2 ** 32 - 0.5;
  }
  const targets = Array.from({ length: n }, (_, i) => i % 10);
  return { inputs: { shape: [n, 784], base64: Buffer.from(x.buffer).toString('base64') }, targets };
}

interface RunProgress {
  steps: number;
  firstStep: Promise<void>;
  abort(): void;
  stepsAt(): number;
}

/** Starts the streaming run and counts its step events in the background. */
async function startRun(service: Service): Promise<{ progress: RunProgress; statusUrl: string; token: string }> {
  const session = await call('POST', `${service.baseUrl}/v1/sessions`, null);
  const models = `${service.baseUrl}/v1/sessions/${session.id}/models`;
  await call('POST', models, session.token, { name: 'mlp', seed: 0, architecture: MLP });
  const { inputs, targets } = dataset(rows);
  const controller = new AbortController();
  const res = await fetch(`${models}/mlp/train`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ optimizer: { name: 'adam', lr: 1e-3 }, loss: 'cross_entropy', inputs, targets, epochs: 10_000, maxSteps: 100_000, batchSize: BATCH, shuffle: true, seed: 1 }),
    signal: controller.signal,
  });
  if (res.status !== 200) throw new Error(`POST …/train answered ${res.status}: ${await res.text()}`);
  let steps = 0;
  let started!: () => void;
  const firstStep = new Promise<void>((r) => (started = r));
  void (async () => {
    const decoder = new TextDecoder();
    const reader = res.body!.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const text = decoder.decode(value, { stream: true });
        const n = text.split('event: step').length - 1;
        if (n > 0) {
          steps += n;
          started();
        }
      }
    } catch {
      // aborted: the end we want
    }
  })();
  const progress: RunProgress = {
    get steps() {
      return steps;
    },
    firstStep,
    abort: () => controller.abort(),
    stepsAt: () => steps,
  };
  return { progress, statusUrl: `${models}/mlp/train`, token: session.token };
}

interface Phase {
  nice: number;
  alone: CellResult;
  during: CellResult;
  trained: number;
  ended: { status: string; steps: number; version: number };
  server: string;
}

/** One server with TRAIN_THREAD_NICE=nice: the forward load alone, then during a run, then the run cancelled by disconnecting. */
async function measureWith(nice: number): Promise<Phase> {
  process.env.TRAIN_THREAD_NICE = String(nice);
  const service = await startParamserve(`paramserve (TRAIN_THREAD_NICE=${nice})`);
  try {
    const requests = await prepareRequests(service.baseUrl);
    await runLoad(requests.forward, connections, Math.min(2, seconds), service.cpuSeconds); // warm-up
    const alone = await runLoad(requests.forward, connections, seconds, service.cpuSeconds);
    const { progress, statusUrl, token } = await startRun(service);
    await progress.firstStep;
    const before = progress.stepsAt();
    const during = await runLoad(requests.forward, connections, seconds, service.cpuSeconds);
    const trained = progress.stepsAt() - before;
    progress.abort();
    let ended = await call('GET', statusUrl, token);
    for (let i = 0; i < 600 && ended.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      ended = await call('GET', statusUrl, token);
    }
    return { nice, alone, during, trained, ended, server: service.description };
  } finally {
    await service.stop();
  }
}

async function main(): Promise<void> {
  const phases: Phase[] = [];
  for (const nice of niceValues) phases.push(await measureWith(nice));
  const rowsOut: string[][] = [];
  for (const p of phases)
    for (const [label, r] of [
      ['no training run', p.alone],
      ['during the run', p.during],
    ] as const)
      rowsOut.push([`nice ${p.nice}: ${label}`, formatRate(r.requestsPerSecond), formatMs(r.p50), formatMs(r.p99), String(r.failed)]);
  printTable(
    `Forward latency on session B while session A trains 784-256-256-10 (batch ${BATCH}, ${connections} connection(s), ${seconds} s each${quick ? ', QUICK: not for quoting' : ''})`,
    ['TRAIN_THREAD_NICE, phase', 'forward/s', 'p50', 'p99', 'failed'],
    rowsOut,
    phases.flatMap((p) => [
      `nice ${p.nice}: p99 during / alone ×${(p.during.p99 / p.alone.p99).toFixed(2)}, p50 ×${(p.during.p50 / p.alone.p50).toFixed(2)}; ` +
        `training meanwhile ${p.trained} steps in ${seconds} s (${formatRate(p.trained / seconds)} steps/s); ` +
        `after the disconnect the run ended '${p.ended.status}' after ${p.ended.steps} steps, stored at version ${p.ended.version}`,
    ]).concat([`server: ${phases[0]?.server ?? '—'}; cores: ${availableParallelism()}; load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`]),
  );
  if (phases.some((p) => p.ended.status !== 'cancelled')) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
