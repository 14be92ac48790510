import { noGrad, randperm, Tensor, type Generator } from '../../engine/index.js';
import { computeLoss, createOptimizer, IGNORE_INDEX, type Module, type Optimizer } from '../../nn/index.js';
import { AppError } from '../../errors/index.js';
import { InvalidRequestError } from '../errors.js';
import { generatorFor } from '../compute/compute-jobs.js';
import { parameterStats } from './parameter-stats.js';
import { onOptimizer, type PlanTensor, type TrainPlan } from './train-plan.js';
import { jsonFloat, type JsonFloat, type LoopEvent } from './train-events.js';

/** The model's state after a completed step: what a checkpoint stores. Buffers are copies, owned by the receiver. */
export interface Snapshot {
  steps: number;
  epochs: number;
  /** The last step's loss (null before the first step). */
  loss: JsonFloat | null;
  params: [string, Float32Array][];
  grads: [string, Float32Array | null][];
}

/**
 * One training run, one optimizer step per call, as the PyTorch loop does it:
 *
 *     torch.manual_seed(seed)                  # when a seed is given
 *     for epoch in range(epochs):
 *         order = torch.randperm(n) if shuffle else torch.arange(n)
 *         for b in range(0, n, batch_size):    # the last batch may be short
 *             opt.zero_grad(); loss = loss_fn(net(X[order[b:b+bs]]), Y[...]); loss.backward(); opt.step()
 *
 * Synchronous and self-contained, so a worker thread and the event loop run
 * the very same code. The first step also checks what only the model can
 * tell (input width, output against targets, class indices), before the run
 * is reported started.
 */
export class TrainingLoop {
  private readonly optimizer: Optimizer;
  private readonly generator: Generator;
  private readonly rows: number;
  private order: Int32Array | null = null;
  /** Completed epochs, and the next batch's first position within the current one. */
  private epoch = 0;
  private position = 0;
  private epochLoss = 0;
  private lastLoss: JsonFloat | null = null;
  steps = 0;

  constructor(
    private readonly root: Module,
    private readonly plan: TrainPlan,
  ) {
    try {
      this.optimizer = createOptimizer(plan.optimizer.name, root.parameters(), plan.optimizer.kwargs, 'optimizer');
    } catch (e) {
      throw onOptimizer(e);
    }
    this.generator = generatorFor(plan.seed ?? undefined);
    this.rows = plan.inputs.shape[0];
  }

  get finished(): boolean {
    return this.steps >= this.plan.totalSteps;
  }

  /** Runs one step; returns the events it produced (a step event when observed, an epoch event at an epoch's end). */
  step(): LoopEvent[] {
    const { plan } = this;
    if (this.position === 0) this.order = plan.shuffle ? randperm(this.rows, this.generator) : null;
    const start = this.position;
    const end = Math.min(start + plan.batchSize, this.rows);
    const input = gather(plan.inputs, this.order, start, end);
    const target = gather(plan.targets, this.order, start, end);

    this.optimizer.zeroGrad(true);
    const output = onField('inputs', () => this.root.forward(input, { generator: this.generator }));
    if (this.steps === 0) this.checkFirstOutput(output);
    const loss = computeLoss(plan.loss, output, target, { loss: 'loss', target: 'targets' });
    loss.backward();
    this.optimizer.step();

    const value = loss.item();
    this.lastLoss = jsonFloat(value);
    this.steps += 1;
    this.epochLoss += value * (end - start);
    this.position = end;
    const events: LoopEvent[] = [];
    if (this.steps % plan.observeEvery === 0) {
      const batch = Math.ceil(end / plan.batchSize);
      const data = { step: this.steps, epoch: this.epoch + 1, batch, loss: jsonFloat(value) };
      events.push({ type: 'step', data: plan.observeStats ? { ...data, parameters: parameterStats(this.root) } : data });
    }
    if (end === this.rows) {
      this.epoch += 1;
      events.push({ type: 'epoch', data: { epoch: this.epoch, steps: this.steps, loss: jsonFloat(this.epochLoss / this.rows) } });
      this.position = 0;
      this.epochLoss = 0;
    }
    return events;
  }

  /** The parameters and gradients now (copies: the loop goes on changing its own). */
  snapshot(): Snapshot {
    const params: Snapshot['params'] = [];
    const grads: Snapshot['grads'] = [];
    noGrad(() => {
      for (const [name, p] of this.root.namedParameters()) {
        params.push([name, Float32Array.from(p.data)]);
        grads.push([name, p.grad === null ? null : Float32Array.from(p.grad.data)]);
      }
    });
    return { steps: this.steps, epochs: this.epoch, loss: this.lastLoss, params, grads };
  }

  /** Checks done once the output's shape is known: something must train, and every class index must be in range. */
  private checkFirstOutput(output: Tensor): void {
    if (!output.requiresGrad)
      throw new InvalidRequestError('inputs', 'no parameter on the path to the output requires a gradient (all frozen?)', 'NOTHING_REQUIRES_GRAD');
    if (this.plan.loss !== 'cross_entropy' || output.ndim === 0) return;
    const classes = output.shape[output.ndim - 1];
    const t = this.plan.targets.data;
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (!Number.isInteger(c)) throw new InvalidRequestError('targets', `Target ${c} is not an integer class index.`, 'INVALID_TARGET');
      if (c !== IGNORE_INDEX && (c < 0 || c >= classes)) throw new InvalidRequestError('targets', `Target ${c} is out of bounds.`, 'INVALID_TARGET');
    }
  }
}

/** Rows [start, end) of `order` (all rows in order when null) as a new tensor: `X[order[start:end]]`. */
function gather(t: PlanTensor, order: Int32Array | null, start: number, end: number): Tensor {
  const rowSize = t.shape.slice(1).reduce((a, b) => a * b, 1);
  const shape = [end - start, ...t.shape.slice(1)];
  if (order === null) return new Tensor(t.data.slice(start * rowSize, end * rowSize), shape);
  const out = new Float32Array((end - start) * rowSize);
  for (let i = start; i < end; i++) out.set(t.data.subarray(order[i] * rowSize, (order[i] + 1) * rowSize), (i - start) * rowSize);
  return new Tensor(out, shape);
}

function onField<T>(field: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError && e.details.field === undefined) e.details.field = field;
    throw e;
  }
}
