// Builds the engine's WebAssembly kernels (asm/, AssemblyScript) into build/wasm/:
//   gemm-relaxed-simd.wasm  SIMD128 + relaxed SIMD (fused multiply-add), 6×8 micro-kernel
//   gemm-simd.wasm          plain SIMD128 (multiply, then add), 4×8 micro-kernel
// Both import one shared memory (threads feature), so a pool of worker threads
// can run slices of one product on the same operands. Run by `npm run
// build:wasm` and by `prepare` (so `npm ci` builds them); nothing compiled is
// committed. Without the assemblyscript package (a production install that
// omits devDependencies) it says so and exits 0: the engine then keeps its
// TypeScript kernel.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}build/wasm`;

let asc;
try {
  ({ default: asc } = await import('assemblyscript/asc'));
} catch {
  console.warn('build-wasm: assemblyscript is not installed; skipping (the engine will use its TypeScript kernels)');
  process.exit(0);
}

const common = [
  `${root}asm/index.ts`,
  '-O3', '--noAssert',
  '--runtime', 'stub',
  // The memory is created by the loader and shared with the pool's workers;
  // 65536 pages is wasm32's whole address space, the loader picks the real maximum.
  '--importMemory', '--sharedMemory', '--initialMemory', '1', '--maximumMemory', '65536',
];
const variants = [
  { file: 'gemm-relaxed-simd.wasm', features: 'simd,relaxed-simd,threads' },
  { file: 'gemm-simd.wasm', features: 'simd,threads' },
];

await mkdir(outDir, { recursive: true });
for (const v of variants) {
  const { error, stderr } = await asc.main([...common, '--enable', v.features, '-o', `${outDir}/${v.file}`]);
  if (error) {
    console.error(stderr.toString());
    console.error(`build-wasm: ${v.file} failed: ${error.message}`);
    process.exit(1);
  }
  console.log(`build-wasm: build/wasm/${v.file}`);
}
