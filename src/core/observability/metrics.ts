import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from '../store/store.js';
import type { Clock } from '../clock.js';

/**
 * Prometheus metrics shared by both transports: one latency histogram labelled
 * by transport, route and status, and gauges read from the store at scrape time.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requestDuration: Histogram<'transport' | 'route' | 'method' | 'status'>;
  private lastStats: Promise<{ sessions: number; models: number; bytes: number }> | null = null;

  constructor(store: Store, clock: Clock) {
    // prom-client's names already say process_ / nodejs_: paramserve_process_cpu_seconds_total, paramserve_nodejs_eventloop_lag_seconds.
    collectDefaultMetrics({ register: this.registry, prefix: 'paramserve_' });
    this.requestDuration = new Histogram({
      name: 'paramserve_request_duration_seconds',
      help: 'Request latency by transport (http, grpc), route, method and status',
      labelNames: ['transport', 'route', 'method', 'status'],
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    // One store query per scrape feeds all three gauges: render() starts each scrape afresh (the timer is a
    // fallback for a caller of registry.metrics(); alone it could serve one scrape's counts to the next when
    // both run without a macrotask in between, as inject() does).
    const stats = () => (this.lastStats ??= store.stats(clock.now()).finally(() => setTimeout(() => (this.lastStats = null), 0)));
    new Gauge({
      name: 'paramserve_live_sessions',
      help: 'Sessions not yet expired',
      registers: [this.registry],
      async collect() {
        this.set((await stats()).sessions);
      },
    });
    new Gauge({
      name: 'paramserve_models',
      help: 'Models in live sessions',
      registers: [this.registry],
      async collect() {
        this.set((await stats()).models);
      },
    });
    new Gauge({
      name: 'paramserve_parameter_bytes',
      help: 'Stored bytes of model state (parameters and gradients)',
      registers: [this.registry],
      async collect() {
        this.set((await stats()).bytes);
      },
    });
  }

  /** The Prometheus text of one scrape. */
  render(): Promise<string> {
    this.lastStats = null;
    return this.registry.metrics();
  }

  observe(transport: 'http' | 'grpc', route: string, method: string, status: string | number, seconds: number): void {
    const labels = { transport, route, method, status: String(status) };
    this.requestDuration.observe(labels, seconds);
  }
}
