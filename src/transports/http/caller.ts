import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, type Caller, type WriteOptions } from '../../core/index.js';

export function callerOf(request: { params: unknown; headers: FastifyRequest['headers'] }): Caller {
  return { sessionId: (request.params as { sid: string }).sid, token: bearerToken(request.headers.authorization) };
}

export function writeOptions(request: { headers: FastifyRequest['headers'] }): WriteOptions {
  const h = request.headers['if-match'];
  return { ifMatch: Array.isArray(h) ? h.join(',') : h };
}

/** The model version as the entity tag of the reply. */
export function tagged<R extends Pick<FastifyReply, 'header'>>(reply: R, version: number): R {
  reply.header('etag', `"${version}"`);
  return reply;
}
