// Original file: proto/paramserve/v1/compute.proto


/**
 * torch.optim's keyword arguments; unset ones take PyTorch's defaults.
 */
export interface Optimizer {
  /**
   * sgd, adam or adamw.
   */
  'name'?: (string);
  'lr'?: (number | string);
  /**
   * sgd
   */
  'momentum'?: (number | string);
  'dampening'?: (number | string);
  'nesterov'?: (boolean);
  /**
   * all
   */
  'weight_decay'?: (number | string);
  'maximize'?: (boolean);
  /**
   * adam, adamw: (beta1, beta2); empty for the default (0.9, 0.999)
   */
  'betas'?: (number | string)[];
  'eps'?: (number | string);
  'amsgrad'?: (boolean);
  '_lr'?: "lr";
  '_momentum'?: "momentum";
  '_dampening'?: "dampening";
  '_nesterov'?: "nesterov";
  '_weight_decay'?: "weight_decay";
  '_maximize'?: "maximize";
  '_eps'?: "eps";
  '_amsgrad'?: "amsgrad";
}

/**
 * torch.optim's keyword arguments; unset ones take PyTorch's defaults.
 */
export interface Optimizer__Output {
  /**
   * sgd, adam or adamw.
   */
  'name': (string);
  'lr'?: (number);
  /**
   * sgd
   */
  'momentum'?: (number);
  'dampening'?: (number);
  'nesterov'?: (boolean);
  /**
   * all
   */
  'weight_decay'?: (number);
  'maximize'?: (boolean);
  /**
   * adam, adamw: (beta1, beta2); empty for the default (0.9, 0.999)
   */
  'betas': (number)[];
  'eps'?: (number);
  'amsgrad'?: (boolean);
  '_lr'?: "lr";
  '_momentum'?: "momentum";
  '_dampening'?: "dampening";
  '_nesterov'?: "nesterov";
  '_weight_decay'?: "weight_decay";
  '_maximize'?: "maximize";
  '_eps'?: "eps";
  '_amsgrad'?: "amsgrad";
}
