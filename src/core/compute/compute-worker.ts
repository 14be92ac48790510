import { parentPort, workerData } from 'node:worker_threads';
import { Tensor } from '../../engine/index.js';
import { decodeModel } from '../models/model-codec.js';
import type { LiveModel } from '../models/live-model.js';
import { backwardJob, forwardJob } from './compute-jobs.js';
import { toWireError } from './wire-error.js';
import { useFastKernels, type WorkerSetup } from './kernels.js';
import type { JobRequest, JobResponse, WireTensor } from './worker-protocol.js';

/**
 * A compute worker: rebuilds the model it is sent (keeping the last few by
 * key and version, so a model is shipped once per version), runs the job with
 * the same functions the event loop uses, and sends the results back.
 */
useFastKernels((workerData as WorkerSetup).gemmThreads);

const models = new Map<string, LiveModel>();
const KEEP = 4;

function modelFor(job: JobRequest): LiveModel {
  const cached = models.get(job.model.key);
  if (cached !== undefined && cached.version === job.model.version) return cached;
  if (job.model.architecture === undefined || job.model.state === undefined) throw new Error(`worker lacks ${job.model.key}@${job.model.version}`);
  const model = decodeModel({ sessionId: '', name: job.model.key, version: job.model.version, architecture: job.model.architecture, state: job.model.state, parameterCount: 0 });
  models.delete(job.model.key);
  models.set(job.model.key, model);
  while (models.size > KEEP) models.delete(models.keys().next().value!);
  return model;
}

const tensor = (w: WireTensor) => new Tensor(w.data, w.shape);

function run(job: JobRequest): { response: JobResponse; transfer: ArrayBuffer[] } {
  const model = modelFor(job);
  if (job.kind === 'forward') {
    const r = forwardJob(model.root, tensor(job.input), job.seed);
    const data = r.output.data as Float32Array;
    return { response: { id: job.id, ok: true, kind: 'forward', output: { shape: r.output.shape.slice(), data }, gradFn: r.gradFn, repr: r.repr }, transfer: [] };
  }
  const request =
    job.gradOutput !== undefined
      ? ({ kind: 'gradOutput', gradOutput: tensor(job.gradOutput) } as const)
      : ({ kind: 'loss', name: job.loss!.name, target: job.loss!.target === null ? null : tensor(job.loss!.target) } as const);
  const r = backwardJob(model.root, tensor(job.input), request, job.seed);
  return { response: { id: job.id, ok: true, kind: 'backward', loss: r.loss, grads: r.grads }, transfer: r.grads.map(([, g]) => g.buffer as ArrayBuffer) };
}

parentPort!.on('message', (job: JobRequest) => {
  try {
    const { response, transfer } = run(job);
    parentPort!.postMessage(response, transfer);
  } catch (e) {
    const response: JobResponse = { id: job.id, ok: false, error: toWireError(e) };
    parentPort!.postMessage(response);
  }
});
