// Original file: proto/paramserve/v1/tensor.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A float32 tensor, row-major (C order), as `tensor.tolist()` flattened.
 * 
 * Values travel either as packed floats in `data` or, for large tensors, as
 * raw little-endian float32 bytes in `raw` (4 bytes per element); a request
 * sets one of the two (`raw` wins when it is non-empty; setting both is an
 * error). Non-finite values (NaN, +-Infinity) travel natively. An empty
 * `shape` is a scalar (one value).
 */
export interface Tensor {
  /**
   * Sizes of the dimensions, as `tensor.shape`.
   */
  'shape'?: (number | string | Long)[];
  /**
   * The values as packed float32 (used unless `raw` is set).
   */
  'data'?: (number | string)[];
  /**
   * The values as little-endian float32 bytes: 4 x numel bytes.
   */
  'raw'?: (Buffer | Uint8Array | string);
  /**
   * Always "float32" in replies; ignored in requests.
   */
  'dtype'?: (string);
}

/**
 * A float32 tensor, row-major (C order), as `tensor.tolist()` flattened.
 * 
 * Values travel either as packed floats in `data` or, for large tensors, as
 * raw little-endian float32 bytes in `raw` (4 bytes per element); a request
 * sets one of the two (`raw` wins when it is non-empty; setting both is an
 * error). Non-finite values (NaN, +-Infinity) travel natively. An empty
 * `shape` is a scalar (one value).
 */
export interface Tensor__Output {
  /**
   * Sizes of the dimensions, as `tensor.shape`.
   */
  'shape': (number)[];
  /**
   * The values as packed float32 (used unless `raw` is set).
   */
  'data': (number)[];
  /**
   * The values as little-endian float32 bytes: 4 x numel bytes.
   */
  'raw': (Buffer);
  /**
   * Always "float32" in replies; ignored in requests.
   */
  'dtype': (string);
}
