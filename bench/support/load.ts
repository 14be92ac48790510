import autocannon from 'autocannon';
import type { BenchRequest } from './api-setup.js';

/** One load run: fixed connections, fixed duration, closed loop (each connection sends its next request on the answer). */
export interface CellResult {
  requestsPerSecond: number;
  /** Latency percentiles of successful (2xx) requests, in ms, exact (autocannon's own histogram rounds to whole ms). */
  p50: number;
  p99: number;
  ok: number;
  /** Non-2xx answers, connection errors and timeouts: any of them makes the cell's figures suspect. */
  failed: number;
  /**
   * Server CPU time (all its threads) per answered request, in seconds: the
   * cost figure that contention on a shared machine disturbs least, and what
   * bounds throughput on a dedicated core (about 1 / cpuPerRequest).
   */
  cpuPerRequest: number | null;
  /** CPU used by this load generator, as a share of one core (near 1 means the client, not the server, may be the limit). */
  clientCpu: number;
}

/** Latencies as they arrive, in a growable typed array (a 50-connection run records ~10⁵ of them). */
class LatencyLog {
  private values = new Float64Array(1 << 16);
  length = 0;

  push(ms: number): void {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = ms;
  }

  /** Nearest-rank percentiles (p in 0..100) of what was logged. */
  percentiles(...ps: number[]): number[] {
    if (this.length === 0) return ps.map(() => NaN);
    const sorted = this.values.slice(0, this.length).sort();
    return ps.map((p) => sorted[Math.min(this.length - 1, Math.max(0, Math.ceil((p / 100) * this.length) - 1))]);
  }
}

export async function runLoad(request: BenchRequest, connections: number, seconds: number, serverCpuSeconds: () => number | null): Promise<CellResult> {
  const latencies = new LatencyLog();
  let failedAnswers = 0;
  const serverBefore = serverCpuSeconds();
  const clientBefore = process.cpuUsage();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: request.url, method: request.method, headers: request.headers, body: request.body, connections, duration: seconds, timeout: 10 },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    const onResponse: autocannon.ResponseListener = (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else failedAnswers++;
    };
    instance.on('response', onResponse);
  });
  const serverAfter = serverCpuSeconds();
  const client = process.cpuUsage(clientBefore);
  const [p50, p99] = latencies.percentiles(50, 99);
  return {
    requestsPerSecond: latencies.length / result.duration,
    p50,
    p99,
    ok: latencies.length,
    failed: failedAnswers + result.errors + result.timeouts,
    cpuPerRequest: serverBefore === null || serverAfter === null ? null : (serverAfter - serverBefore) / Math.max(1, latencies.length + failedAnswers),
    clientCpu: (client.user + client.system) / 1e6 / result.duration,
  };
}
