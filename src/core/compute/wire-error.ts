import { AppError } from '../../errors/index.js';
import type { WireError } from './worker-protocol.js';

/** An error thrown in a worker, as it crosses to the event loop (AppErrors keep their code, category and details). */
export function toWireError(e: unknown): WireError {
  const app = e instanceof AppError;
  const err = e as Error;
  return {
    app,
    category: app ? e.category : 'INTERNAL',
    code: app ? e.code : 'INTERNAL',
    message: err?.message ?? String(e),
    details: app ? e.details : {},
    stack: err?.stack,
  };
}

/** Back on the event loop: the same AppError, or a plain Error (a bug) with the worker's stack. */
export function fromWireError(e: WireError): Error {
  return e.app ? new AppError(e.category, e.code, e.message, e.details) : Object.assign(new Error(e.message), { stack: e.stack });
}
