// Original file: proto/paramserve/v1/compute.proto


/**
 * torch's norm(), mean(), std() (unbiased), min(), max() of one tensor.
 */
export interface TensorStats {
  'norm'?: (number | string);
  'mean'?: (number | string);
  'std'?: (number | string);
  'min'?: (number | string);
  'max'?: (number | string);
}

/**
 * torch's norm(), mean(), std() (unbiased), min(), max() of one tensor.
 */
export interface TensorStats__Output {
  'norm': (number);
  'mean': (number);
  'std': (number);
  'min': (number);
  'max': (number);
}
