// WebAssembly SIMD gemm kernels (built from asm/ by `npm run build:wasm`) and the worker pool that splits large products.
export {
  installFastKernels,
  uninstallFastKernels,
  fastKernelStatus,
  waitForFastKernelThreads,
  type FastKernelOptions,
  type FastKernelStatus,
  type FastKernelName,
} from './install.js';
