import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fastKernelStatus, installFastKernels, uninstallFastKernels, waitForFastKernelThreads } from '../../../src/engine/index.js';

/**
 * Every engine and nn test again, golden fixtures included, with the fast
 * kernels in place of the TypeScript gemm: "same numbers" means the whole
 * suite agrees, not only the kernel-level property test. Every product goes
 * to WebAssembly (minMacs 0) and every product that can be split is split
 * over two threads (parallelMacs 0), the most demanding set-up.
 */
const status = installFastKernels({ threads: 2, minMacs: 0, parallelMacs: 0 });
waitForFastKernelThreads();
afterAll(() => uninstallFastKernels());

describe('fast kernels for the re-run', () => {
  it('are installed', () => {
    expect(fastKernelStatus().kernel, status.reason).toBe('wasm-relaxed-simd');
    expect(fastKernelStatus().threads).toBe(2);
  });
});

/**
 * Left out: suites that run no product and time or weigh themselves, whose
 * thresholds assume a process of their own (a huge model refused "in
 * microseconds, allocating nothing noticeable"; walks of a 10⁴-module net).
 */
const NOT_RERUN = new Set(['nn/spec/limits.test.ts', 'nn/module/scale.test.ts']);

const testRoot = fileURLToPath(new URL('../../', import.meta.url));
const files = ['engine', 'nn']
  .flatMap((dir) => readdirSync(`${testRoot}${dir}`, { recursive: true, encoding: 'utf8' }).map((f) => `${dir}/${f}`))
  .filter((f) => f.endsWith('.test.ts') && !f.startsWith('engine/kernels/') && !NOT_RERUN.has(f))
  .sort();

for (const file of files) {
  // Importing a test module registers its suites here, under this file's set-up.
  await import(`${testRoot}${file}`);
}
