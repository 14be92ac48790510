import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors/index.js';
import { internalProblem, problemOf } from './problem.js';

/**
 * Turns fastify's own errors (schema validation, bad JSON, body too large)
 * into AppErrors, so every error leaves in the one problem+json shape.
 */
export function fromFramework(error: FastifyError): AppError | null {
  if (error.validation !== undefined && error.validation.length > 0) {
    const v = error.validation[0];
    const where = error.validationContext ?? 'body';
    const missing = (v.params as { missingProperty?: string } | undefined)?.missingProperty;
    const extra = (v.params as { additionalProperty?: string } | undefined)?.additionalProperty;
    const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field = [path, missing ?? extra].filter((s) => s !== undefined && s !== '').join('.');
    // Ajv words a message to follow the field ("must be string"); TypeBox's stand alone ("Expected string").
    const said = v.message ?? 'is invalid';
    const message = extra !== undefined ? `unknown field '${field}'` : `${field === '' ? where : field}${/^[A-Z]/.test(said) ? ': ' + said.charAt(0).toLowerCase() + said.slice(1) : ' ' + said}`;
    return new AppError('MALFORMED', 'INVALID_ARGUMENT', message, { field: field === '' ? where : field });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return null; // handled by the caller, which knows the configured limit
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('MALFORMED', 'UNSUPPORTED_MEDIA_TYPE', 'send application/json (or application/octet-stream for safetensors where documented)');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED', 'INVALID_JSON', 'the request body is empty; send a JSON object or no Content-Type');
    case 'FST_ERR_BAD_URL':
      return new AppError('MALFORMED', 'INVALID_URL', 'the URL is not valid (a path segment is not well-formed percent-encoded UTF-8)');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('MALFORMED', 'INVALID_URL', 'a path segment of the URL is too long');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('MALFORMED', 'INVALID_REQUEST', 'Content-Length does not match the body');
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return new AppError('MALFORMED', 'INVALID_JSON', `the request body is not valid JSON: ${error.message}`);
  if (error.statusCode === 400) return new AppError('MALFORMED', 'INVALID_REQUEST', error.message);
  return null;
}

export function makeErrorHandler(maxBodyBytes: number) {
  return function handle(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
    let app: AppError | null = error instanceof AppError ? error : fromFramework(error);
    if (app === null && error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      app = new AppError('TOO_LARGE', 'PAYLOAD_TOO_LARGE', `request body exceeds ${maxBodyBytes} bytes`, { limit: 'maxBodyBytes', limitValue: maxBodyBytes });
    if (app === null) {
      // Anything else is a bug: logged with its stack, answered without internals.
      request.log.error({ err: error }, 'unhandled error');
      void reply.code(500).type('application/problem+json').send(internalProblem(String(request.id)));
      return;
    }
    const body = problemOf(app, request.url);
    if (body.status >= 500) request.log.warn({ code: app.code, detail: app.message }, 'service unavailable');
    void reply.code(body.status).type('application/problem+json').send(body);
  };
}
