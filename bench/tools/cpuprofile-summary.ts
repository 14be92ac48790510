/**
 * Summarises a V8 .cpuprofile (node --cpu-prof) of the server under load:
 * self time by area (fastify, our layers, SQLite, node's HTTP, GC, idle),
 * the functions with the most self time, and the inclusive time of our own
 * functions (src/...), so "where does a request's time go" has numbers.
 *
 *   BENCH_PARAMSERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" BENCH_HTTP_SERVICES=paramserve \
 *     BENCH_HTTP_ENDPOINTS=forward BENCH_HTTP_CONNECTIONS=50 npx tsx bench/http.ts
 *   npx tsx bench/tools/cpuprofile-summary.ts /tmp/prof/CPU.*.cpuprofile [--top 25] [--skip SECONDS] [--match REGEX]
 *
 * --skip leaves out the first seconds of the profile (start-up: module
 * loading and compilation), so the figures are those of the steady state.
 * --match adds the inclusive time of every function (any script) whose
 * "name file:line" matches REGEX, e.g. 'pino|hooks|validat|serializ'.
 *
 * Not a benchmark (bench/run.ts runs only bench/*.ts).
 */
import { readFileSync } from 'node:fs';
import { printTable } from '../support/format.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Areas by script URL, first match wins; node's own JS is "node:". */
const AREAS: [string, RegExp][] = [
  ['fastify + plugins', /node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request|fast-json-stringify|fast-uri|ajv|json-schema-ref-resolver|fast-querystring|secure-json-parse|toad-cache|pino|abstract-logging|process-warning|rfdc|fast-content-type-parse|fast-decode-uri-component|safe-regex2|ret|@sinclair)/],
  ['better-sqlite3 (JS side)', /node_modules\/better-sqlite3/],
  ['other node_modules', /node_modules\//],
  ['paramserve src/engine', /\/src\/engine\//],
  ['paramserve src/nn', /\/src\/nn\//],
  ['paramserve src/core', /\/src\/core\//],
  ['paramserve src/transports', /\/src\/transports\//],
  ['paramserve src/main + errors', /\/src\//],
  ['node internals (http, net, streams)', /^node:/],
];

function areaOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (url === '') {
    if (functionName === '(garbage collector)') return 'garbage collector';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8/native (program)';
    return 'native/builtin (no script)';
  }
  for (const [area, pattern] of AREAS) if (pattern.test(url)) return area;
  return 'other scripts';
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const src = url.lastIndexOf('/src/');
  if (src >= 0) return url.slice(src + 1);
  return url;
}

function frameKey(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
}

function summarise(path: string, top: number, skipSeconds: number, pattern: RegExp | null): void {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfByArea = new Map<string, number>();
  const selfByFrame = new Map<string, number>();
  const inclusiveOurs = new Map<string, number>();
  const inclusiveAll = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let clock = 0;
  profile.samples.forEach((id, i) => {
    clock += profile.timeDeltas[i] ?? 0;
    if (clock < skipSeconds * 1e6) return;
    // timeDeltas[i] is the gap before sample i: the time that sample stands for is the next gap.
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id)!;
    total += dt;
    const area = areaOf(node);
    if (area === 'idle') idle += dt;
    selfByArea.set(area, (selfByArea.get(area) ?? 0) + dt);
    selfByFrame.set(frameKey(node), (selfByFrame.get(frameKey(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n !== undefined; n = byId.get(parent.get(n.id) ?? -1)) {
      const k = frameKey(n);
      if (seen.has(k) || n.callFrame.url === '') continue;
      seen.add(k);
      if (pattern !== null && pattern.test(k)) inclusiveAll.set(k, (inclusiveAll.get(k) ?? 0) + dt);
      if (!/\/src\//.test(n.callFrame.url) || /node_modules/.test(n.callFrame.url)) continue;
      inclusiveOurs.set(k, (inclusiveOurs.get(k) ?? 0) + dt);
    }
  });
  const busy = total - idle;
  const pct = (ms: number) => `${((100 * ms) / busy).toFixed(1)}%`;
  const rows = (m: Map<string, number>, n: number, skipIdle = true) =>
    [...m.entries()]
      .filter(([k]) => !(skipIdle && (k === 'idle' || k.startsWith('(idle)'))))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => [k, `${ms.toFixed(0)} ms`, pct(ms)]);

  console.log(`\n## ${path}\n\nprofiled ${(total / 1000).toFixed(1)} s after the first ${skipSeconds} s, of which busy ${(busy / 1000).toFixed(1)} s (percentages are of busy time)`);
  printTable('self time by area', ['area', 'self', 'share'], rows(selfByArea, 50));
  printTable(`top ${top} functions by self time`, ['function', 'self', 'share'], rows(selfByFrame, top));
  printTable(`top ${top} paramserve functions by inclusive time`, ['function', 'inclusive', 'share'], rows(inclusiveOurs, top));
  if (pattern !== null) printTable(`functions matching ${pattern} by inclusive time`, ['function', 'inclusive', 'share'], rows(inclusiveAll, top));
}

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i === -1 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} needs a number >= 0`);
  return v;
}

const path = process.argv[2];
if (path === undefined || path.startsWith('--')) {
  console.error('usage: npx tsx bench/tools/cpuprofile-summary.ts FILE.cpuprofile [--top N] [--skip SECONDS] [--match REGEX]');
  process.exit(2);
}
const matchAt = process.argv.indexOf('--match');
summarise(path, flag('--top', 25), flag('--skip', 0), matchAt === -1 ? null : new RegExp(process.argv[matchAt + 1]));
