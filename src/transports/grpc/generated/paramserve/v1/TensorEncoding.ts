// Original file: proto/paramserve/v1/tensor.proto

/**
 * How the server should encode the tensors of a reply.
 */
export const TensorEncoding = {
  /**
   * Packed floats in `Tensor.data`.
   */
  TENSOR_ENCODING_UNSPECIFIED: 'TENSOR_ENCODING_UNSPECIFIED',
  /**
   * Packed floats in `Tensor.data` (the same as unspecified).
   */
  TENSOR_ENCODING_FLOATS: 'TENSOR_ENCODING_FLOATS',
  /**
   * Raw little-endian float32 bytes in `Tensor.raw`: cheaper for large tensors.
   */
  TENSOR_ENCODING_RAW: 'TENSOR_ENCODING_RAW',
} as const;

/**
 * How the server should encode the tensors of a reply.
 */
export type TensorEncoding =
  /**
   * Packed floats in `Tensor.data`.
   */
  | 'TENSOR_ENCODING_UNSPECIFIED'
  | 0
  /**
   * Packed floats in `Tensor.data` (the same as unspecified).
   */
  | 'TENSOR_ENCODING_FLOATS'
  | 1
  /**
   * Raw little-endian float32 bytes in `Tensor.raw`: cheaper for large tensors.
   */
  | 'TENSOR_ENCODING_RAW'
  | 2

/**
 * How the server should encode the tensors of a reply.
 */
export type TensorEncoding__Output = typeof TensorEncoding[keyof typeof TensorEncoding]
