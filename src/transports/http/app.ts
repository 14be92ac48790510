import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Metrics, ParamService } from '../../core/index.js';
import { AppError } from '../../errors/index.js';
import { Problem } from './schemas/common.js';
import { makeErrorHandler } from './error-handler.js';
import { registerJsonBodyParser } from './json-body.js';
import { problemOf } from './problem.js';
import { openApiOptions } from './openapi.js';
import { sessionRoutes } from './routes/session-routes.js';
import { modelRoutes } from './routes/model-routes.js';
import { parameterRoutes } from './routes/parameter-routes.js';
import { stateDictRoutes } from './routes/state-dict-routes.js';
import { computeRoutes } from './routes/compute-routes.js';
import { operationRoutes } from './routes/operation-routes.js';
import { trainRoutes } from './routes/train-routes.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route also takes an application/octet-stream body (a safetensors file); every other route refuses one. */
    octetStream?: boolean;
  }
}

/**
 * The longest path parameter the router accepts. Fastify's default (100) is
 * shorter than a 256-character model name or a dotted path through long child
 * names; this leaves Node's 16 KiB request-head limit as the only bound.
 */
const MAX_PARAM_LENGTH = 16 * 1024;

export interface HttpAppOptions {
  service: ParamService;
  metrics: Metrics;
  logger: Logger | false;
  /** True while the process drains on SIGTERM: /readyz answers 503. */
  isDraining?: () => boolean;
}

/**
 * The REST adapter: validate → call the core → shape the reply. Built by a
 * factory (no socket), so tests can `inject()` and main can `listen()`.
 */
export async function buildHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const { service, metrics } = options;
  const limits = service.config.limits;
  const handleError = makeErrorHandler(limits.maxBodyBytes);
  const app = Fastify({
    loggerInstance: options.logger === false ? undefined : options.logger,
    logger: options.logger === false ? false : undefined,
    bodyLimit: limits.maxBodyBytes,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // A client must send its whole request within this time, so a slow sender cannot hold a connection forever.
    requestTimeout: 60_000,
    // Errors the router raises before any route runs (bad percent-encoding) leave as problem+json too.
    frameworkErrors: (error, req, reply) => handleError(error, req, reply.header('x-request-id', String(req.id))),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // TypeBox's compiler instead of fastify's Ajv, which coerces types: `{"name": 5}` would become "5" and
  // `{"requiresGrad": null}` false. Bodies are checked as sent (query strings and path parameters are still
  // converted from text). A Buffer body exists only where a route opted into octet-stream; it has no JSON schema.
  app.setValidatorCompiler((route) => {
    const check = TypeBoxValidatorCompiler(route as Parameters<typeof TypeBoxValidatorCompiler>[0]);
    return route.httpPart === 'body' ? (value: unknown) => (Buffer.isBuffer(value) ? { value } : check(value)) : check;
  });
  app.addSchema(Problem);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((req, reply) => {
    const e = new AppError('NOT_FOUND', 'ROUTE_NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`);
    void reply.code(404).type('application/problem+json').send(problemOf(e, req.url));
  });
  registerJsonBodyParser(app as unknown as FastifyInstance, limits.maxBodyBytes);
  app.removeContentTypeParser('text/plain'); // no route reads text; such a body is an unsupported media type
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: limits.maxBodyBytes }, (req, body, done) => {
    if (req.routeOptions.config.octetStream === true) return done(null, body);
    done(new AppError('MALFORMED', 'UNSUPPORTED_MEDIA_TYPE', `application/octet-stream is accepted only by PUT …/state_dict (a safetensors file); send application/json`), undefined);
  });

  // Callback-style hooks: on the hot path they cost less than async ones.
  const isDraining = options.isDraining ?? (() => false);
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', String(req.id));
    done();
  });
  app.addHook('onSend', (_req, reply, payload, done) => {
    // While draining, a reply ends its keep-alive connection: else close() would wait for the client's idle
    // socket to time out (fastify advertises 72 s), past the shutdown grace, and the store would never close.
    if (isDraining()) reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onResponse', (req, reply, done) => {
    metrics.observe('http', req.routeOptions.url ?? 'unmatched', req.method, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  await app.register(swagger, openApiOptions);
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(operationRoutes, { service, metrics, isDraining });
  await app.register(sessionRoutes, { service });
  await app.register(modelRoutes, { service });
  await app.register(parameterRoutes, { service });
  await app.register(stateDictRoutes, { service });
  await app.register(computeRoutes, { service });
  await app.register(trainRoutes, { service, metrics });
  await app.ready();
  return app as unknown as FastifyInstance;
}
