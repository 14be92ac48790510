// Original file: proto/paramserve/v1/compute.proto

/**
 * The losses of a backward (PyTorch's reductions are `mean` unless named otherwise).
 */
export const Loss = {
  LOSS_UNSPECIFIED: 'LOSS_UNSPECIFIED',
  /**
   * output.sum()
   */
  LOSS_SUM: 'LOSS_SUM',
  /**
   * output.mean()
   */
  LOSS_MEAN: 'LOSS_MEAN',
  /**
   * F.mse_loss(output, target)
   */
  LOSS_MSE: 'LOSS_MSE',
  /**
   * F.l1_loss(output, target)
   */
  LOSS_L1: 'LOSS_L1',
  /**
   * F.cross_entropy(output, target): target holds class indices
   */
  LOSS_CROSS_ENTROPY: 'LOSS_CROSS_ENTROPY',
  LOSS_BCE_WITH_LOGITS: 'LOSS_BCE_WITH_LOGITS',
} as const;

/**
 * The losses of a backward (PyTorch's reductions are `mean` unless named otherwise).
 */
export type Loss =
  | 'LOSS_UNSPECIFIED'
  | 0
  /**
   * output.sum()
   */
  | 'LOSS_SUM'
  | 1
  /**
   * output.mean()
   */
  | 'LOSS_MEAN'
  | 2
  /**
   * F.mse_loss(output, target)
   */
  | 'LOSS_MSE'
  | 3
  /**
   * F.l1_loss(output, target)
   */
  | 'LOSS_L1'
  | 4
  /**
   * F.cross_entropy(output, target): target holds class indices
   */
  | 'LOSS_CROSS_ENTROPY'
  | 5
  | 'LOSS_BCE_WITH_LOGITS'
  | 6

/**
 * The losses of a backward (PyTorch's reductions are `mean` unless named otherwise).
 */
export type Loss__Output = typeof Loss[keyof typeof Loss]
