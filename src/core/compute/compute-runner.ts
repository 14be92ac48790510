import { Tensor } from '../../engine/index.js';
import type { LiveModel } from '../models/live-model.js';
import { encodeModel } from '../models/model-codec.js';
import { backwardJob, forwardJob, forwardFlops, type BackwardOutput, type ForwardOutput, type LossRequest } from './compute-jobs.js';
import { WorkerPool } from './worker-pool.js';
import type { WorkerSetup } from './kernels.js';
import type { JobRequest, WireModel, WireTensor } from './worker-protocol.js';

/**
 * Where compute runs. Small jobs (the chapter's models: microseconds) run on
 * the event loop, because shipping them to a thread costs more than running
 * them. Jobs above `inlineFlops` go to a worker thread, so the event loop
 * keeps answering health checks and other sessions while they run. Both paths
 * call the same job functions.
 */
export class ComputeRunner {
  private readonly pool: WorkerPool | null;

  constructor(workers: number, private readonly inlineFlops: number, setup: WorkerSetup) {
    this.pool = workers > 0 ? new WorkerPool(workers, setup) : null;
  }

  private offload(model: LiveModel, input: Tensor, passes: number): boolean {
    if (this.pool === null) return false;
    const rows = input.ndim <= 1 ? 1 : input.numel / input.shape[input.ndim - 1];
    return forwardFlops(model.parameterCount, rows) * passes > this.inlineFlops;
  }

  async forward(model: LiveModel, input: Tensor, seed: number | undefined): Promise<ForwardOutput> {
    if (!this.offload(model, input, 1)) return forwardJob(model.root, input, seed);
    const r = await this.pool!.run((holds) => ({
      job: { id: 0, kind: 'forward', model: wireModel(model, holds), input: wire(input), seed },
      transfer: [],
    }));
    if (!r.ok || r.kind !== 'forward') throw new Error('unexpected worker response');
    return { output: new Tensor(r.output.data, r.output.shape), gradFn: r.gradFn, repr: r.repr };
  }

  async backward(model: LiveModel, input: Tensor, request: LossRequest, seed: number | undefined): Promise<BackwardOutput> {
    if (!this.offload(model, input, 3)) return backwardJob(model.root, input, request, seed);
    const r = await this.pool!.run((holds) => {
      const job: JobRequest = { id: 0, kind: 'backward', model: wireModel(model, holds), input: wire(input), seed };
      if (request.kind === 'loss') job.loss = { name: request.name, target: request.target === null ? null : wire(request.target) };
      else job.gradOutput = wire(request.gradOutput);
      return { job, transfer: [] };
    });
    if (!r.ok || r.kind !== 'backward') throw new Error('unexpected worker response');
    return { loss: r.loss, grads: r.grads };
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

function wire(t: Tensor): WireTensor {
  return { shape: t.shape.slice(), data: t.data as Float32Array };
}

/** The model as the worker needs it: only a reference if that worker already holds this version. */
function wireModel(model: LiveModel, holds: Map<string, number>): WireModel {
  const key = model.instanceId;
  if (holds.get(key) === model.version) return { key, version: model.version };
  const record = encodeModel(model, model.version);
  return { key, version: model.version, architecture: record.architecture, state: record.state };
}
