import type { ErrorCategory, ErrorDetails } from '../../errors/index.js';

/** Messages between the event loop and a compute worker (structured-cloned; big arrays transferred). */

export interface WireTensor {
  shape: number[];
  data: Float32Array;
}

export interface WireModel {
  key: string;
  version: number;
  /** Present when the worker does not hold this version yet. */
  architecture?: string;
  state?: Uint8Array;
}

export type JobRequest =
  | { id: number; kind: 'forward'; model: WireModel; input: WireTensor; seed?: number }
  | {
      id: number;
      kind: 'backward';
      model: WireModel;
      input: WireTensor;
      seed?: number;
      loss?: { name: string; target: WireTensor | null };
      gradOutput?: WireTensor;
    };

export interface WireError {
  app: boolean;
  category: ErrorCategory;
  code: string;
  message: string;
  details: ErrorDetails;
  stack?: string;
}

export type JobResponse =
  | { id: number; ok: true; kind: 'forward'; output: WireTensor; gradFn: string | null; repr: string }
  | { id: number; ok: true; kind: 'backward'; loss: number | null; grads: [string, Float32Array][] }
  | { id: number; ok: false; error: WireError };
