import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Server, ServerCredentials, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation, protoPath as healthProtoPath, type ServingStatusMap } from 'grpc-health-check';
import type { Logger } from 'pino';
import type { Metrics, ParamService } from '../../core/index.js';
import { rpcFor, type AdapterDeps, type Rpc } from './call-adapter.js';
import { CallTracker } from './call-tracker.js';
import { ERROR_INFO_PROTO, LOADER_OPTIONS, SERVICE_NAMES, loadApiDefinition } from './proto-files.js';
import { guardedDefinition } from './request-decoding.js';
import { MessageSchemas } from './wire/message-schemas.js';
import { sessionHandlers } from './services/session-handlers.js';
import { modelHandlers } from './services/model-handlers.js';
import { parameterHandlers } from './services/parameter-handlers.js';
import { computeHandlers } from './services/compute-handlers.js';

export interface GrpcServerOptions {
  service: ParamService;
  metrics: Metrics;
  logger: Logger | false;
  /**
   * Every this many ms, ping the store (what /readyz does per request) and
   * report NOT_SERVING while it cannot be reached; 0 or absent: no probe.
   */
  healthProbeMs?: number;
}

export interface GrpcTransport {
  readonly server: Server;
  /** Binds host:port (0: any free port) and returns the port. */
  listen(host: string, port: number): Promise<number>;
  /** False while the process drains: grpc.health.v1.Health reports NOT_SERVING for the server ('') and each service (as it does while the store is unreachable). */
  setServing(serving: boolean): void;
  /** NOT_SERVING, refuse new calls, let calls in flight finish, then end what never ends by itself (health Watch streams). */
  close(): Promise<void>;
}

type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * protobuf's default recursion limit (protoc's CodedInputStream, and protobufjs,
 * which decodes after the wire check): an architecture of MAX_MODEL_DEPTH 32
 * nests about 35 messages deep.
 */
const MAX_MESSAGE_DEPTH = 100;

/** How long replies of calls that just finished get to flush before the remaining streams are cut. */
const FLUSH_MS = 250;

function healthDefinition(): PackageDefinition {
  // grpc-health-check ships health/v1/health.proto; loaded by its relative name so reflection lists it as such.
  return loadSync('health/v1/health.proto', { ...LOADER_OPTIONS, includeDirs: [resolve(dirname(healthProtoPath), '../..')] });
}

/**
 * The gRPC transport: the four paramserve.v1 services over the same
 * ParamService as REST, plus grpc.health.v1.Health and server reflection
 * (v1 and v1alpha), so grpcurl and Postman discover the API. Built without
 * a socket; main (or a test) calls listen().
 */
export function buildGrpcServer(options: GrpcServerOptions): GrpcTransport {
  const { service, metrics } = options;
  const limits = service.config.limits;
  const api = loadApiDefinition();
  const tracker = new CallTracker();
  const deps: AdapterDeps = { metrics, logger: options.logger === false ? null : options.logger.child({ transport: 'grpc' }), tracker };
  const server = new Server({
    // The same limit as REST's body limit; grpc-js answers RESOURCE_EXHAUSTED beyond it before any handler runs.
    'grpc.max_receive_message_length': limits.maxBodyBytes,
    'grpc.max_send_message_length': -1,
    // Not 'grpc.enable_channelz': 0: grpc-js 1.14 then stops tracking sessions, and forceShutdown()
    // no longer ends them (a health Watch stream then holds a shutdown open until the grace period).
  });

  const schemas = new MessageSchemas(api);
  const handlers: Record<ServiceName, (rpc: Rpc) => UntypedServiceImplementation> = {
    'paramserve.v1.SessionService': (rpc) => sessionHandlers(service, rpc),
    'paramserve.v1.ModelService': (rpc) => modelHandlers(service, rpc),
    'paramserve.v1.ParameterService': (rpc) => parameterHandlers(service, rpc),
    'paramserve.v1.ComputeService': (rpc) => computeHandlers(service, rpc),
  };
  for (const name of SERVICE_NAMES) {
    const definition = api[name] as ServiceDefinition;
    server.addService(guardedDefinition(definition, schemas, MAX_MESSAGE_DEPTH), handlers[name](rpcFor(name, deps)));
  }

  const statuses = (status: 'SERVING' | 'NOT_SERVING'): ServingStatusMap => Object.fromEntries(['', ...SERVICE_NAMES].map((n) => [n, status]));
  const health = new HealthImplementation(statuses('SERVING'));
  health.addToServer(server);
  // Serving = not draining and the store answered its last probe. Reported only when it changes, so
  // Watch streams see transitions, not a message per probe.
  let draining = false;
  let storeReachable = true;
  let reported = true;
  const report = () => {
    const serving = !draining && storeReachable;
    if (serving === reported) return;
    reported = serving;
    for (const [name, status] of Object.entries(statuses(serving ? 'SERVING' : 'NOT_SERVING'))) health.setStatus(name, status);
  };
  const setServing = (serving: boolean) => {
    draining = !serving;
    report();
  };
  const probe = startStoreProbe(service, options.healthProbeMs ?? 0, (reachable) => {
    if (reachable !== storeReachable) deps.logger?.[reachable ? 'info' : 'warn']({ storeReachable: reachable }, reachable ? 'store reachable again: SERVING' : 'store unreachable: NOT_SERVING');
    storeReachable = reachable;
    report();
  });
  // proto-loader writes one descriptor file per package with no dependency list (grpc-node #2595), so a
  // type that refers to another package cannot be resolved by grpcurl: the reflected messages refer to
  // none (google.rpc.Status, which refers to google.protobuf.Any, is left out; ErrorInfo is self-contained).
  new ReflectionService({ ...loadApiDefinition([ERROR_INFO_PROTO]), ...healthDefinition() }).addToServer(server);

  return {
    server,
    listen(host, port) {
      const address = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
      return new Promise((done, fail) => server.bindAsync(address, ServerCredentials.createInsecure(), (e, bound) => (e ? fail(e) : done(bound))));
    },
    setServing,
    async close() {
      probe?.stop();
      setServing(false);
      const shutdown = new Promise<void>((done) => server.tryShutdown(() => done()));
      await tracker.idle();
      const flushed = await Promise.race([shutdown.then(() => true), sleep(FLUSH_MS, false, { ref: false })]);
      if (!flushed) {
        server.forceShutdown();
        await shutdown;
      }
    },
  };
}

/** Pings the store every `everyMs` (one ping at a time; a slow one is not stacked), telling `onResult` whether it answered. */
function startStoreProbe(service: ParamService, everyMs: number, onResult: (reachable: boolean) => void): { stop(): void } | null {
  if (!(everyMs > 0)) return null;
  let pinging = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (pinging) return;
    pinging = true;
    service
      .ready()
      .then(() => true, () => false)
      .then((reachable) => {
        pinging = false;
        if (!stopped) onResult(reachable);
      });
  }, everyMs);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
