import { installFastKernels, type FastKernelStatus } from '../../engine/index.js';

/**
 * The engine's WebAssembly SIMD matrix kernels, installed once in each thread
 * that computes (the event loop, every compute and training worker): they
 * give the same bits on 1 or more threads, so results do not depend on where
 * a job ran. `threads` 0 keeps the TypeScript kernel (GEMM_THREADS=0).
 */
export function useFastKernels(threads: number): FastKernelStatus | null {
  return threads > 0 ? installFastKernels({ threads }) : null;
}

/** What a worker is started with, so it sets up its own engine the same way. */
export interface WorkerSetup {
  gemmThreads: number;
}
