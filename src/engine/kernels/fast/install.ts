import { availableParallelism } from 'node:os';
import { EngineArgumentError } from '../../errors.js';
import { setGemm } from '../matmul.js';
import { MAX_WORKERS } from './control-block.js';
import { DEFAULT_WASM_DIR, loadGemmModule } from './wasm-binary.js';
import { WasmGemm } from './wasm-gemm.js';

export interface FastKernelOptions {
  /**
   * Threads one large gemm is split over, the calling thread included
   * (default: the machine's available parallelism). 1 runs every product on
   * the calling thread and starts no workers.
   */
  threads?: number;
  /** Use the fused multiply-add build where the runtime has relaxed SIMD (default true). */
  relaxedSimd?: boolean;
  /** Directory of the built .wasm files (default: <repo>/build/wasm). */
  wasmDir?: string;
  /**
   * Products of fewer multiply-adds (m·n·k) stay on the TypeScript kernel
   * (default 256: below it the copies and the call cost more than the
   * arithmetic; the 4-8-1 toy's products are 16 to 64).
   */
  minMacs?: number;
  /**
   * Products of at least this many multiply-adds are split over the pool
   * (default 2²¹ ≈ 80 µs of one thread's work, well above the cost of waking
   * a worker).
   */
  parallelMacs?: number;
  /** Most memory the kernels may take for operands and scratch (default 1 GiB; larger products fall back to TypeScript). */
  maxMemoryBytes?: number;
}

export type FastKernelName = 'wasm-relaxed-simd' | 'wasm-simd' | 'typescript';

export interface FastKernelStatus {
  kernel: FastKernelName;
  /** Threads a large gemm may use (1 for the TypeScript kernel). */
  threads: number;
  /** Why the TypeScript kernel is in use, when it is. */
  reason?: string;
}

const DEFAULTS = { minMacs: 256, parallelMacs: 1 << 21, maxMemoryBytes: 1 << 30 };

let current: WasmGemm | null = null;
let status: FastKernelStatus = { kernel: 'typescript', threads: 1, reason: 'installFastKernels has not been called' };

function positiveInteger(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new EngineArgumentError(`${name} must be an integer from 1 to ${max}, got ${value}`, 'INVALID_ARGUMENT', { field: name });
  return value;
}

/**
 * Makes the engine's gemm run on the WebAssembly SIMD kernels (relaxed-SIMD
 * build first, plain SIMD otherwise), with a pool of `threads - 1` workers for
 * large products. Per thread: call it once in each thread that computes (a
 * worker_threads Worker has its own engine). When the .wasm files have not
 * been built, or the runtime lacks WebAssembly SIMD, the TypeScript kernel
 * stays and the status says why. Calling it again replaces the previous set-up.
 */
export function installFastKernels(options: FastKernelOptions = {}): FastKernelStatus {
  const threads = positiveInteger('threads', options.threads ?? availableParallelism(), MAX_WORKERS + 1);
  const minMacs = options.minMacs ?? DEFAULTS.minMacs;
  const parallelMacs = options.parallelMacs ?? DEFAULTS.parallelMacs;
  const maxMemoryBytes = options.maxMemoryBytes ?? DEFAULTS.maxMemoryBytes;
  if (!(minMacs >= 0)) throw new EngineArgumentError(`minMacs must be >= 0, got ${minMacs}`, 'INVALID_ARGUMENT', { field: 'minMacs' });
  if (!(parallelMacs >= 0)) throw new EngineArgumentError(`parallelMacs must be >= 0, got ${parallelMacs}`, 'INVALID_ARGUMENT', { field: 'parallelMacs' });
  if (!(maxMemoryBytes > 0)) throw new EngineArgumentError(`maxMemoryBytes must be > 0, got ${maxMemoryBytes}`, 'INVALID_ARGUMENT', { field: 'maxMemoryBytes' });
  void uninstallFastKernels();
  const loaded = loadGemmModule(options.wasmDir ?? DEFAULT_WASM_DIR, options.relaxedSimd ?? true);
  if (!loaded.ok) {
    status = { kernel: 'typescript', threads: 1, reason: loaded.reason };
    return status;
  }
  let kernel: WasmGemm;
  try {
    kernel = new WasmGemm(loaded.module, loaded.variant, { threads, minMacs, parallelMacs, maxMemoryBytes });
  } catch (e) {
    if (e instanceof RangeError) throw new EngineArgumentError(e.message, 'INVALID_ARGUMENT', { field: 'maxMemoryBytes' });
    throw e;
  }
  current = kernel;
  setGemm(kernel.gemm);
  status = { kernel: loaded.variant === 'relaxed-simd' ? 'wasm-relaxed-simd' : 'wasm-simd', threads };
  return status;
}

/** Puts the TypeScript kernel back and stops the pool's workers. */
export async function uninstallFastKernels(): Promise<void> {
  const kernel = current;
  current = null;
  setGemm(null);
  status = { kernel: 'typescript', threads: 1, reason: 'uninstalled' };
  await kernel?.close();
}

/** What the engine's gemm runs on now. */
export function fastKernelStatus(): FastKernelStatus {
  return { ...status };
}

/**
 * Blocks until the installed pool's workers have started (they start
 * asynchronously; until then large products use the threads that are up).
 * For benchmarks and tests that need the full pool from the first product.
 */
export function waitForFastKernelThreads(timeoutMs = 10_000): boolean {
  return current === null || current.waitForPool(timeoutMs);
}
