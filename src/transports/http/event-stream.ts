import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TrainRunHandle } from '../../core/index.js';
import { AppError } from '../../errors/index.js';
import { internalProblem, problemOf } from './problem.js';

/** A comment line now and then keeps proxies from closing a stream whose steps are slow. */
const HEARTBEAT_MS = 15_000;

/**
 * A training run as Server-Sent Events: `step`, `epoch`, then `done`, or
 * `error` with a problem+json body; each with an `id:`. Written at the pace
 * the client reads (the run waits when it gets too far ahead); a client that
 * disconnects cancels the run, which then stores the last completed step.
 */
/**
 * A stream the client left before its end: fastify's onResponse hook runs on
 * the response's 'finish', which never comes then, so the route logs and
 * counts it through this (as 499, nginx's "client closed request": the 200
 * head was already sent). A stream that ends is counted by the hook.
 */
export interface AbandonedStream {
  events: number;
}

export async function streamTraining(req: FastifyRequest, reply: FastifyReply, run: TrainRunHandle, onAbandoned: (stream: AbandonedStream) => void): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(req.id),
    'x-training-run': run.runId,
  });
  let gone = false;
  const onClose = () => {
    if (res.writableEnded) return;
    gone = true;
    run.cancel();
  };
  res.on('close', onClose);
  const heartbeat = setInterval(() => {
    if (!gone && !res.writableEnded) res.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let id = 0;
  const send = async (event: string, data: unknown) => {
    if (gone) return;
    id += 1;
    if (!res.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`)) await drained(res);
  };
  try {
    for await (const e of run.events()) {
      await send(e.type, e.data);
      if (gone) break;
    }
  } catch (err) {
    await send('error', problemFor(err, req));
  } finally {
    clearInterval(heartbeat);
    res.off('close', onClose);
    if (!gone) res.end();
    if (gone) onAbandoned({ events: id });
  }
}

/** What an error becomes in the stream: the same problem+json a plain reply would carry. */
function problemFor(err: unknown, req: FastifyRequest): unknown {
  if (err instanceof AppError) return problemOf(err, req.url);
  req.log.error({ err }, 'training run failed');
  return internalProblem(String(req.id));
}

function drained(res: FastifyReply['raw']): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
