/**
 * Issue 3, item 11: paramserve's REST API under load beside the reference
 * FastAPI + PyTorch implementation of the same contract, measured in the same
 * run on 127.0.0.1: requests/s, p50 and p99 at 1, 10 and 50 connections for a
 * forward on the 4-8-1 net, a parameter read and a parameter PATCH.
 *
 * Every service is a child process on a free port; each gets a warm-up per
 * endpoint, then the cells run interleaved (one connection count, every
 * service in turn) so that a noisy neighbour hurts all columns alike.
 *
 *   npx tsx bench/http.ts [--quick]
 *   BENCH_HTTP_SECONDS=5            duration of one cell (quick: 1)
 *   BENCH_HTTP_WARMUP_SECONDS=2     warm-up per service and endpoint (quick: 0.5)
 *   BENCH_HTTP_CONNECTIONS=1,10,50
 *   BENCH_HTTP_ENDPOINTS=forward,read,patch
 *   BENCH_HTTP_SERVICES=paramserve,bare-fastify,reference-asyncio,reference-uvloop   (default: all that can run)
 *                                   bare-fastify is fastify + the engine with nothing of a service
 *                                   around them (bench/support/bare-server.ts): the ceiling
 *   BENCH_PARAMSERVE_ROOT=/tmp/base      run paramserve from another copy of the repository
 *   BENCH_PARAMSERVE_ALT_ROOT=/tmp/copy  also run paramserve from that copy of the repository
 *                                   ("paramserve-alt"), cell by cell beside this one: an A/B
 *                                   of an experiment under the same load and noise
 *   BENCH_PARAMSERVE=dist           run dist/main.js instead of src/main.ts through tsx
 *   BENCH_PARAMSERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   profile the node servers
 *                                   (paramserve and bare-fastify; see bench/tools/cpuprofile-summary.ts)
 */
import { ENDPOINTS, ENDPOINT_TITLES, prepareRequests, type BenchRequest, type Endpoint } from './support/api-setup.js';
import { formatMs, formatRate, formatRatio, formatSeconds, printTable } from './support/format.js';
import { runLoad, type CellResult } from './support/load.js';
import { choiceListOption, integerListOption, numberOption, quick } from './support/options.js';
import { referenceUnavailable, startBareFastify, startParamserve, startReference, type Service } from './support/services.js';

const SERVICE_NAMES = ['paramserve', 'paramserve-alt', 'bare-fastify', 'reference-asyncio', 'reference-uvloop'] as const;
type ServiceName = (typeof SERVICE_NAMES)[number];

/** The issue's target for forward at 50 connections. */
const TARGET = { connections: 50, requestsPerSecond: 20_000, p99Ms: 5 };

const cellSeconds = numberOption('BENCH_HTTP_SECONDS', 5, 1);
const warmupSeconds = numberOption('BENCH_HTTP_WARMUP_SECONDS', 2, 0.5);
const connectionCounts = integerListOption('BENCH_HTTP_CONNECTIONS', [1, 10, 50]);
const endpoints = choiceListOption('BENCH_HTTP_ENDPOINTS', ENDPOINTS);
const altRoot = process.env.BENCH_PARAMSERVE_ALT_ROOT;
const wanted = choiceListOption('BENCH_HTTP_SERVICES', SERVICE_NAMES).filter((s) => s !== 'paramserve-alt' || altRoot !== undefined);

interface Target {
  name: ServiceName;
  service: Service;
  requests: Record<Endpoint, BenchRequest>;
}

async function start(name: ServiceName): Promise<Service | string> {
  if (name === 'paramserve') return startParamserve(name, process.env.BENCH_PARAMSERVE_ROOT);
  if (name === 'paramserve-alt') return startParamserve(name, altRoot);
  if (name === 'bare-fastify') return startBareFastify();
  const variant = name === 'reference-asyncio' ? 'asyncio' : 'uvloop';
  const missing = referenceUnavailable(variant);
  return missing ?? startReference(variant);
}

/** Starts every wanted service that can run here, recording each in `started` at once so it is stopped whatever happens next. */
async function startTargets(started: Service[], notes: string[]): Promise<Target[]> {
  const targets: Target[] = [];
  for (const name of wanted) {
    process.stderr.write(`http: starting ${name}\n`);
    const outcome = await start(name);
    if (typeof outcome === 'string') {
      notes.push(`${name} left out: ${outcome}.`);
      continue;
    }
    started.push(outcome);
    targets.push({ name, service: outcome, requests: await prepareRequests(outcome.baseUrl) });
  }
  return targets;
}

type Cells = Map<string, CellResult>;
const key = (endpoint: Endpoint, connections: number, target: ServiceName) => `${endpoint}/${connections}/${target}`;

async function measure(targets: Target[]): Promise<Cells> {
  const cells: Cells = new Map();
  for (const endpoint of endpoints) {
    for (const t of targets) {
      process.stderr.write(`http: warming up ${t.name} ${endpoint}\n`);
      await runLoad(t.requests[endpoint], 10, warmupSeconds, t.service.cpuSeconds);
    }
    for (const connections of connectionCounts) {
      for (const t of targets) {
        const cell = await runLoad(t.requests[endpoint], connections, cellSeconds, t.service.cpuSeconds);
        process.stderr.write(
          `http: ${endpoint} c${connections} ${t.name}: ${Math.round(cell.requestsPerSecond)} req/s, p50 ${cell.p50.toFixed(2)} ms, p99 ${cell.p99.toFixed(2)} ms, ` +
            `cpu/req ${formatSeconds(cell.cpuPerRequest)}${cell.failed ? `, ${cell.failed} FAILED` : ''}\n`,
        );
        cells.set(key(endpoint, connections, t.name), cell);
      }
    }
  }
  return cells;
}

function report(targets: Target[], cells: Cells, notes: string[]): void {
  const [ours, ...others] = targets;
  const hasOurs = ours?.name === 'paramserve';
  console.log(`\n## HTTP benchmark${quick ? ' (quick run: cells too short for quotable numbers)' : ''}\n`);
  for (const t of targets) console.log(`- ${t.name}: ${t.service.description}`);
  console.log(
    `- autocannon, closed loop, ${cellSeconds} s per cell after a ${warmupSeconds} s warm-up per service and endpoint; p50/p99 exact over every 2xx answer; ` +
      'cpu/req = server CPU time (all threads) per request, the figure least disturbed by other load on the machine' +
      (hasOurs && others.length ? '; ratios > 1 mean paramserve is better' : ''),
  );
  const busiestClient = Math.max(...[...cells.values()].map((c) => c.clientCpu));
  console.log(`- the load generator used at most ${Math.round(busiestClient * 100)}% of a core in any cell`);
  for (const endpoint of endpoints) {
    const headers = ['connections'];
    for (const t of targets) headers.push(`${t.name} req/s`, 'p50', 'p99', 'cpu/req');
    if (hasOurs) for (const o of others) headers.push(`req/s vs ${o.name}`, `p99 vs ${o.name}`);
    const rows = connectionCounts.map((connections) => {
      const row = [String(connections)];
      for (const t of targets) {
        const c = cells.get(key(endpoint, connections, t.name))!;
        const failed = c.failed > 0 ? ` (${c.failed} failed)` : '';
        row.push(formatRate(c.requestsPerSecond) + failed, formatMs(c.p50), formatMs(c.p99), formatSeconds(c.cpuPerRequest));
      }
      if (hasOurs) {
        const a = cells.get(key(endpoint, connections, ours.name))!;
        for (const o of others) {
          const b = cells.get(key(endpoint, connections, o.name))!;
          row.push(formatRatio(a.requestsPerSecond, b.requestsPerSecond), formatRatio(b.p99, a.p99));
        }
      }
      return row;
    });
    const extra: string[] = [];
    const atTarget = hasOurs && endpoint === 'forward' ? cells.get(key('forward', TARGET.connections, 'paramserve')) : undefined;
    if (atTarget !== undefined) {
      const met = atTarget.requestsPerSecond >= TARGET.requestsPerSecond && atTarget.p99 < TARGET.p99Ms && atTarget.failed === 0;
      extra.push(
        `Target: forward at ${TARGET.connections} connections >= ${formatRate(TARGET.requestsPerSecond)} req/s with p99 < ${TARGET.p99Ms} ms: ` +
          `paramserve ${formatRate(atTarget.requestsPerSecond)} req/s, p99 ${formatMs(atTarget.p99)}, ${met ? 'met' : 'NOT met'}.`,
      );
    }
    printTable(ENDPOINT_TITLES[endpoint], headers, rows, extra);
  }
  for (const note of notes) console.log(`\n${note}`);
}

const notes: string[] = [];
const started: Service[] = [];
try {
  const targets = await startTargets(started, notes);
  if (targets.length === 0) throw new Error(`no service could be started: ${notes.join(' ')}`);
  const cells = await measure(targets);
  report(targets, cells, notes);
} finally {
  for (const service of started) await service.stop();
}
