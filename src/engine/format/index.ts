// Tensor repr byte-for-byte as PyTorch 1.13 prints it, and Python's float format.
export { formatTensor, formatParameter, type ReprTensor, type ReprOptions, type ReprDType } from './tensor-repr.js';
export { formatPythonFloat } from './python-float-format.js';
