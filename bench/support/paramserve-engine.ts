import { Generator, fromArray, installFastKernels, mm, mseLoss, waitForFastKernelThreads } from '../../src/engine/index.js';
import { Linear, ReLU, SGD, Sequential, type Module } from '../../src/nn/index.js';
import { LEARNING_RATE, uniformData, type TrainCase } from './engine-cases.js';
import type { EngineSubject, Prepared } from './engine-subject.js';

/**
 * paramserve's engine through its public API only (`mm`, `nn.Sequential`,
 * `mseLoss`, `SGD`), so the figures are those of whatever gemm is installed,
 * exactly as the service would run it.
 */
export const paramserveSubject: EngineSubject = {
  name: 'paramserve',

  prepareMatmul(n: number): Prepared {
    const a = fromArray(uniformData(n * n, 1), [n, n]);
    const b = fromArray(uniformData(n * n, 2), [n, n]);
    return { call: () => void mm(a, b), dispose: () => undefined };
  },

  prepareTrainStep(c: TrainCase): Prepared {
    const generator = new Generator(0);
    const layers: Module[] = [];
    for (let i = 0; i + 1 < c.widths.length; i++) {
      if (i > 0) layers.push(new ReLU());
      layers.push(new Linear(c.widths[i], c.widths[i + 1], { generator }));
    }
    const net = new Sequential(layers);
    const optimizer = new SGD(net.parameters(), { lr: LEARNING_RATE });
    const x = fromArray(uniformData(c.batch * c.widths[0], 3), [c.batch, c.widths[0]]);
    const y = fromArray(uniformData(c.batch * c.widths[c.widths.length - 1], 4), [c.batch, c.widths[c.widths.length - 1]]);
    const call = () => {
      optimizer.zeroGrad();
      const loss = mseLoss(net.forward(x), y);
      loss.backward();
      optimizer.step();
    };
    return { call, dispose: () => undefined };
  },
};

/**
 * The service installs the engine's fast kernels at start-up; the bench does
 * the same, on BENCH_GEMM_THREADS threads (default 1, like the other columns:
 * PyTorch with set_num_threads(1), tfjs without threads), unless
 * BENCH_GEMM=reference asks for the TS oracle. Says which gemm it measured;
 * `uninstallFastKernels` afterwards stops the kernel's worker threads.
 */
export function installServiceGemm(threads: number): string {
  if (process.env.BENCH_GEMM === 'reference') return 'TS reference gemm (BENCH_GEMM=reference)';
  const status = installFastKernels({ threads });
  if (status.kernel === 'typescript') return `TS reference gemm (fast kernels unavailable: ${status.reason})`;
  waitForFastKernelThreads();
  return `${status.kernel} gemm, ${status.threads} thread${status.threads > 1 ? 's' : ''} (installFastKernels)`;
}
