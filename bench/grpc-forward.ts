/**
 * Issue 4, item 6: a unary Forward on the chapter's 4-8-1 net over gRPC
 * beside the same forward over REST, measured in the same run against the
 * same paramserve process on 127.0.0.1: requests/s, p50 and p99 at 1, 10 and
 * 50 concurrent calls, and the ratios.
 *
 * REST runs under autocannon (N keep-alive HTTP/1.1 connections, closed
 * loop). gRPC runs under a closed-loop load generator in this process: N
 * calls in flight on one grpc-js channel (one HTTP/2 connection, as a gRPC
 * client normally has), each sending its next call when the last one
 * answers. Cells alternate REST, gRPC at each concurrency, so a noisy
 * neighbour hurts both columns alike.
 *
 *   npx tsx bench/grpc-forward.ts [--quick]
 *   BENCH_GRPC_SECONDS=5           duration of one cell (quick: 1)
 *   BENCH_GRPC_WARMUP_SECONDS=2    warm-up per transport (quick: 0.5)
 *   BENCH_GRPC_CONCURRENCY=1,10,50
 *   BENCH_GRPC_TRANSPORTS=rest,grpc  measure only one of them (e.g. to profile the server under gRPC alone)
 *   BENCH_PARAMSERVE=dist          run dist/main.js instead of src/main.ts through tsx
 *   BENCH_PARAMSERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   profile the server
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { prepareRequests } from './support/api-setup.js';
import { freePort, startChildService, type ChildService } from './support/child-service.js';
import { formatMs, formatRate, formatRatio, formatSeconds, printTable } from './support/format.js';
import { runLoad, type CellResult } from './support/load.js';
import { choiceListOption, integerListOption, numberOption, quick } from './support/options.js';

const cellSeconds = numberOption('BENCH_GRPC_SECONDS', 5, 1);
const warmupSeconds = numberOption('BENCH_GRPC_WARMUP_SECONDS', 2, 0.5);
const concurrencies = integerListOption('BENCH_GRPC_CONCURRENCY', [1, 10, 50]);
const transports = choiceListOption('BENCH_GRPC_TRANSPORTS', ['rest', 'grpc'] as const);

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NET_4_8_1 = { type: 'Sequential', layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 1 }] };
const INPUT = { shape: [2, 4], data: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8] };

interface Paramserve extends ChildService {
  grpcAddress: string;
  description: string;
}

/** paramserve as a child process: HTTP and gRPC on free 127.0.0.1 ports, a throwaway SQLite file, warnings-only logs. */
async function startParamserve(): Promise<Paramserve> {
  const [port, grpcPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'paramserve-bench-grpc-'));
  const useDist = process.env.BENCH_PARAMSERVE === 'dist';
  const entry = join(ROOT, useDist ? 'dist/main.js' : 'src/main.ts');
  const nodeArgs = (process.env.BENCH_PARAMSERVE_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const service = await startChildService({
    name: 'paramserve',
    command: process.execPath,
    args: [...nodeArgs, ...(useDist ? [] : ['--import', 'tsx']), entry],
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), GRPC_PORT: String(grpcPort), PARAMSERVE_STORE: 'sqlite', SQLITE_PATH: join(dir, 'db.sqlite'), LOG_LEVEL: 'warn' },
    baseUrl: `http://127.0.0.1:${port}`,
    readyPath: '/readyz',
  });
  return {
    ...service,
    grpcAddress: `127.0.0.1:${grpcPort}`,
    description: `${useDist ? 'node dist/main.js' : 'node --import tsx src/main.ts'}${nodeArgs.length ? ` ${nodeArgs.join(' ')}` : ''}, SQLite, LOG_LEVEL=warn`,
    async stop() {
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const definition = loadSync(['paramserve/v1/sessions.proto', 'paramserve/v1/models.proto', 'paramserve/v1/compute.proto'], {
  includeDirs: [join(ROOT, 'proto')],
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
});
const api = (grpc.loadPackageDefinition(definition) as any).paramserve.v1;

interface GrpcTarget {
  forward: (callback: (error: grpc.ServiceError | null) => void) => void;
  close(): void;
}

function unary(client: any, method: string, request: unknown, metadata: grpc.Metadata): Promise<any> {
  return new Promise((resolve, reject) =>
    client[method](request, metadata, { deadline: Date.now() + 10_000 }, (e: grpc.ServiceError | null, r: unknown) => (e ? reject(e) : resolve(r))),
  );
}

/** A session and the 4-8-1 net (seed 0) made over gRPC; the Forward it will send, checked once. */
async function prepareGrpc(address: string): Promise<GrpcTarget> {
  const channel = new grpc.Channel(address, grpc.credentials.createInsecure(), { 'grpc.enable_channelz': 0 });
  const make = (Service: any) => new Service(address, grpc.credentials.createInsecure(), { channelOverride: channel });
  const [sessions, models, compute] = [make(api.SessionService), make(api.ModelService), make(api.ComputeService)];
  const session = await unary(sessions, 'CreateSession', {}, new grpc.Metadata());
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${session.token}`);
  await unary(models, 'CreateModel', { session_id: session.id, name: 'net', architecture: NET_4_8_1, seed: 0 }, metadata);
  const request = { session_id: session.id, model: 'net', input: INPUT };
  const first = await unary(compute, 'Forward', request, metadata);
  if (JSON.stringify(first.shape) !== '[2,1]') throw new Error(`gRPC Forward answered shape ${JSON.stringify(first.shape)}, not [2,1]`);
  return {
    forward: (callback) => compute.Forward(request, metadata, { deadline: Date.now() + 10_000 }, callback),
    close: () => channel.close(),
  };
}

/** Closed loop: `concurrency` calls always in flight for `seconds`; latencies of the successful ones, exact. */
async function runGrpcLoad(target: GrpcTarget, concurrency: number, seconds: number, serverCpuSeconds: () => number | null): Promise<CellResult> {
  const latencies: number[] = [];
  let failed = 0;
  const serverBefore = serverCpuSeconds();
  const clientBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(seconds * 1e9));
  await Promise.all(
    Array.from(
      { length: concurrency },
      () =>
        new Promise<void>((done) => {
          const next = () => {
            const t0 = process.hrtime.bigint();
            if (t0 >= deadline) return done();
            target.forward((error) => {
              if (error === null) latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
              else failed++;
              next();
            });
          };
          next();
        }),
    ),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const serverAfter = serverCpuSeconds();
  const client = process.cpuUsage(clientBefore);
  const sorted = Float64Array.from(latencies).sort();
  const rank = (p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]);
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50: rank(50),
    p99: rank(99),
    ok: latencies.length,
    failed,
    cpuPerRequest: serverBefore === null || serverAfter === null ? null : (serverAfter - serverBefore) / Math.max(1, latencies.length + failed),
    clientCpu: (client.user + client.system) / 1e6 / elapsed,
  };
}

const log = (line: string) => process.stderr.write(`grpc-forward: ${line}\n`);
const describeCell = (c: CellResult) =>
  `${Math.round(c.requestsPerSecond)} req/s, p50 ${c.p50.toFixed(2)} ms, p99 ${c.p99.toFixed(2)} ms, cpu/req ${formatSeconds(c.cpuPerRequest)}, client ${Math.round(c.clientCpu * 100)}% of a core${c.failed ? `, ${c.failed} FAILED` : ''}`;

let service: Paramserve | null = null;
let grpcTarget: GrpcTarget | null = null;
try {
  log('starting paramserve');
  service = await startParamserve();
  const rest = (await prepareRequests(service.baseUrl)).forward;
  grpcTarget = await prepareGrpc(service.grpcAddress);

  log('warming up');
  if (transports.includes('rest')) await runLoad(rest, 10, warmupSeconds, service.cpuSeconds);
  if (transports.includes('grpc')) await runGrpcLoad(grpcTarget, 10, warmupSeconds, service.cpuSeconds);

  const cells: { concurrency: number; rest: CellResult | null; grpc: CellResult | null }[] = [];
  for (const concurrency of concurrencies) {
    let restCell: CellResult | null = null;
    let grpcCell: CellResult | null = null;
    if (transports.includes('rest')) {
      restCell = await runLoad(rest, concurrency, cellSeconds, service.cpuSeconds);
      log(`REST c${concurrency}: ${describeCell(restCell)}`);
    }
    if (transports.includes('grpc')) {
      grpcCell = await runGrpcLoad(grpcTarget, concurrency, cellSeconds, service.cpuSeconds);
      log(`gRPC c${concurrency}: ${describeCell(grpcCell)}`);
    }
    cells.push({ concurrency, rest: restCell, grpc: grpcCell });
  }

  const failedNote = (c: CellResult | null) => (c !== null && c.failed > 0 ? ` (${c.failed} failed)` : '');
  const busiest = (pick: (c: (typeof cells)[number]) => CellResult | null) => Math.round(Math.max(0, ...cells.map((c) => pick(c)?.clientCpu ?? 0)) * 100);
  console.log(`\n## gRPC vs REST: forward on the 4-8-1 net${quick ? ' (quick run: cells too short for quotable numbers)' : ''}\n`);
  console.log(`- ${service.description}; one process serves both transports from the same core`);
  console.log(`- ${cellSeconds} s per cell after ${warmupSeconds} s of warm-up per transport; cells alternate REST, gRPC; p50/p99 exact over successful calls`);
  console.log('- REST: autocannon, N keep-alive HTTP/1.1 connections; gRPC: N calls in flight on one grpc-js channel (this process), closed loop');
  console.log('- cpu/req = server CPU (all threads) per request; ratios > 1 mean gRPC is better');
  printTable(
    'unary forward, a 2x4 input',
    ['concurrent calls', 'REST req/s', 'p50', 'p99', 'cpu/req', 'gRPC req/s', 'p50', 'p99', 'cpu/req', 'gRPC/REST req/s', 'REST/gRPC p99', 'REST/gRPC cpu/req'],
    cells.map(({ concurrency, rest: r, grpc: g }) => [
      String(concurrency),
      formatRate(r?.requestsPerSecond ?? null) + failedNote(r),
      formatMs(r?.p50 ?? null),
      formatMs(r?.p99 ?? null),
      formatSeconds(r?.cpuPerRequest ?? null),
      formatRate(g?.requestsPerSecond ?? null) + failedNote(g),
      formatMs(g?.p50 ?? null),
      formatMs(g?.p99 ?? null),
      formatSeconds(g?.cpuPerRequest ?? null),
      formatRatio(g?.requestsPerSecond ?? null, r?.requestsPerSecond ?? null),
      formatRatio(r?.p99 ?? null, g?.p99 ?? null),
      formatRatio(r?.cpuPerRequest ?? null, g?.cpuPerRequest ?? null),
    ]),
    [`The gRPC load generator used at most ${busiest((c) => c.grpc)}% of a core (autocannon: ${busiest((c) => c.rest)}%).`],
  );
} finally {
  grpcTarget?.close();
  await service?.stop();
}
