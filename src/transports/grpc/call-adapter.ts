import { randomUUID } from 'node:crypto';
import { Metadata, status, type handleServerStreamingCall, type handleUnaryCall, type ServerWritableStream, type StatusObject } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { bearerToken, type Caller, type Metrics } from '../../core/index.js';
import { isAppError } from '../../errors/index.js';
import { internalServiceError, serviceErrorOf } from './status.js';
import { UndecodableRequest } from './request-decoding.js';
import type { CallTracker } from './call-tracker.js';

/** What a handler learns of its call besides the request. */
export interface CallContext {
  /** The caller of a session-scoped RPC: the session named in the request, the token of the `authorization` metadata. */
  caller(sessionId: string): Caller;
  requestId: string;
}

/** A handler: the request in, the reply out, errors thrown. It never sees a callback. */
export type UnaryHandler<Req, Res> = (request: Req, context: CallContext) => Promise<Res>;

export interface AdapterDeps {
  metrics: Metrics;
  logger: Logger | null;
  tracker: CallTracker;
}

const REQUEST_ID = /^[\w.-]{1,128}$/;

function firstString(metadata: Metadata, key: string): string | undefined {
  const v = metadata.get(key)[0];
  return typeof v === 'string' ? v : undefined;
}

/**
 * What both adapters do for every call: pick its request id, know its caller,
 * turn a thrown error into the status to answer (an AppError through its
 * category, anything else INTERNAL without internals, logged with its stack),
 * and log and count the call once it is over.
 */
class CallRecord {
  readonly requestId: string;
  private readonly started = process.hrtime.bigint();

  constructor(
    private readonly method: string,
    private readonly metadata: Metadata,
    private readonly deps: AdapterDeps,
  ) {
    deps.tracker.begin();
    const given = firstString(metadata, 'x-request-id');
    this.requestId = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
  }

  caller(sessionId: string): Caller {
    return { sessionId, token: bearerToken(firstString(this.metadata, 'authorization')) };
  }

  answerFor(error: unknown): { answer: Partial<StatusObject>; errorCode: string } {
    const { logger } = this.deps;
    if (isAppError(error)) {
      const answer = serviceErrorOf(error);
      if (answer.code === status.UNAVAILABLE) logger?.warn({ reqId: this.requestId, rpc: this.method, code: error.code, detail: error.message }, 'service unavailable');
      return { answer, errorCode: error.code };
    }
    logger?.error({ reqId: this.requestId, rpc: this.method, err: error }, 'unhandled error');
    return { answer: internalServiceError(this.requestId), errorCode: 'INTERNAL' };
  }

  finish(code: status, cancelled: boolean, errorCode?: string): void {
    this.deps.tracker.end();
    const seconds = Number(process.hrtime.bigint() - this.started) / 1e9;
    const name = cancelled ? 'CANCELLED' : status[code];
    this.deps.metrics.observe('grpc', this.method, 'POST', name, seconds);
    this.deps.logger?.info({ reqId: this.requestId, rpc: this.method, code: name, errorCode, responseTime: seconds * 1000 }, 'rpc completed');
  }

  /** Only replying or counting can fail here: a bug, never a reason to take the process down. */
  replyFailed(e: unknown): void {
    this.deps.logger?.error({ reqId: this.requestId, rpc: this.method, err: e }, 'error while replying');
  }
}

/**
 * The one async adapter every unary handler goes through, and the only catch
 * site of the transport: it calls back exactly once, maps an AppError to its
 * status once (status.ts), answers anything else as INTERNAL without
 * internals (logged with its stack), and logs and counts every call as the
 * REST app does (`paramserve_request_duration_seconds_count{transport="grpc"}`).
 */
export function unary<Req, Res>(method: string, handler: UnaryHandler<Req, Res>, deps: AdapterDeps): handleUnaryCall<Req, Res> {
  return (call, callback) => {
    const record = new CallRecord(method, call.metadata, deps);
    const { requestId } = record;
    const context: CallContext = { requestId, caller: (sessionId) => record.caller(sessionId) };

    // Sent with the reply, not ahead of it: headers, message and trailers then leave in one write.
    const sendHeaders = () => {
      const headers = new Metadata();
      headers.set('x-request-id', requestId);
      call.sendMetadata(headers);
    };

    const fail = (error: unknown) => {
      const { answer, errorCode } = record.answerFor(error);
      sendHeaders();
      callback(answer);
      record.finish(answer.code ?? status.INTERNAL, call.cancelled, errorCode);
    };

    const request: unknown = call.request;
    void (async () => {
      let response: Res;
      try {
        if (request instanceof UndecodableRequest) throw request.error;
        response = await handler(request as Req, context);
      } catch (e) {
        return fail(e);
      }
      sendHeaders();
      callback(null, response);
      record.finish(status.OK, call.cancelled);
    })().catch((e: unknown) => record.replyFailed(e));
  };
}

/**
 * A server-streaming handler: sends each message with `send` (which waits
 * while the client reads slowly), returns when the stream is complete, and
 * throws to end it with an error status. `signal` aborts when the client
 * cancels the call.
 */
export type StreamHandler<Req, Res> = (request: Req, context: CallContext & { signal: AbortSignal }, send: (message: Res) => Promise<void>) => Promise<void>;

/**
 * `unary` for a server stream: the same request id, metadata, status mapping,
 * logging and counting, the stream's status sent exactly once, and a client
 * cancellation turned into the handler's abort signal.
 */
export function serverStream<Req, Res>(method: string, handler: StreamHandler<Req, Res>, deps: AdapterDeps): handleServerStreamingCall<Req, Res> {
  return (call: ServerWritableStream<Req, Res>) => {
    const record = new CallRecord(method, call.metadata, deps);
    const { requestId } = record;
    const headers = new Metadata();
    headers.set('x-request-id', requestId);
    call.sendMetadata(headers);
    const cancelled = new AbortController();
    call.on('cancelled', () => cancelled.abort());
    const context = {
      requestId,
      signal: cancelled.signal,
      caller: (sessionId: string) => record.caller(sessionId),
    };
    const send = async (message: Res): Promise<void> => {
      if (call.cancelled) return;
      if (call.write(message)) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          call.off('drain', done);
          call.off('cancelled', done);
          resolve();
        };
        call.on('drain', done);
        call.on('cancelled', done);
      });
    };

    const fail = (error: unknown) => {
      const { answer, errorCode } = record.answerFor(error);
      if (!call.cancelled) call.emit('error', answer);
      record.finish(answer.code ?? status.INTERNAL, call.cancelled, errorCode);
    };

    const request: unknown = call.request;
    void (async () => {
      try {
        if (request instanceof UndecodableRequest) throw request.error;
        await handler(request as Req, context, send);
      } catch (e) {
        return fail(e);
      }
      if (!call.cancelled) call.end();
      record.finish(status.OK, call.cancelled);
    })().catch((e: unknown) => record.replyFailed(e));
  };
}

/**
 * `unary` bound to one service: `rpc('Forward', handler)` counts the call as
 * `paramserve.v1.ComputeService/Forward`; `rpc.stream('Train', handler)` does
 * the same for a server-streaming call.
 */
export interface Rpc {
  <Req, Res>(method: string, handler: UnaryHandler<Req, Res>): handleUnaryCall<Req, Res>;
  stream<Req, Res>(method: string, handler: StreamHandler<Req, Res>): handleServerStreamingCall<Req, Res>;
}

export function rpcFor(serviceName: string, deps: AdapterDeps): Rpc {
  const rpc = (<Req, Res>(method: string, handler: UnaryHandler<Req, Res>) => unary(`${serviceName}/${method}`, handler, deps)) as Rpc;
  rpc.stream = (method, handler) => serverStream(`${serviceName}/${method}`, handler, deps);
  return rpc;
}
