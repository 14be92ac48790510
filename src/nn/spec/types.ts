/**
 * The architecture spec in its two forms: the JSON a client sends and
 * `modelToSpec` returns (`ArchitectureSpec`), and the checked tree
 * `validateSpec` returns (`ValidatedSpec`), where every keyword has its value
 * (defaults filled in) and every child its name.
 */

/** Size limits a spec must respect; the caller passes them (they come from configuration). */
export interface SpecLimits {
  /**
   * Parameter elements construction allocates: every Linear's weight and bias,
   * a shared module once (parameter-level ties do not lower it: the tied-away
   * tensor is still drawn, as in PyTorch).
   */
  maxParameters: number;
  /** Segments in the longest module path, a shared module expanded where it sits (the root is 0). */
  maxDepth: number;
  /** Children of any one Sequential. */
  maxChildren: number;
  /** Module paths, the root included, a shared module counted at each of its positions (`named_modules(remove_duplicate=False)`). */
  maxModules: number;
  /** Largest `in_features` / `out_features` of a Linear. */
  maxFeatures?: number;
}

export const LAYER_TYPES = [
  'Sequential', 'Linear', 'ReLU', 'LeakyReLU', 'Sigmoid', 'Tanh', 'GELU', 'Softmax', 'LogSoftmax', 'Dropout', 'Flatten', 'Identity',
] as const;

export type LayerType = (typeof LAYER_TYPES)[number];

// ---- the JSON form ----

/** A layer in JSON: `type`, PyTorch's keyword arguments, a Sequential's `layers`, and `name` on a child. */
export interface LayerJson {
  name?: string;
  type: LayerType;
  layers?: NodeJson[];
  [keyword: string]: unknown;
}

/** `{ref}`: the shared module of that name placed here (the same object). */
export interface RefJson {
  name?: string;
  ref: string;
}

export type NodeJson = LayerJson | RefJson;

/** `tieParameter(parameter, to)`: the owner of `parameter` holds the Parameter object at `to`. */
export interface ParameterTieJson {
  parameter: string;
  to: string;
}

/** The root: a layer, plus the modules declared once (`shared`) and the parameter-level ties. */
export interface ArchitectureSpec extends LayerJson {
  shared?: Record<string, LayerJson>;
  ties?: ParameterTieJson[];
}

// ---- the validated tree ----

export type LeafLayer =
  | { type: 'Linear'; in_features: number; out_features: number; bias: boolean }
  | { type: 'ReLU' }
  | { type: 'LeakyReLU'; negative_slope: number }
  | { type: 'Sigmoid' }
  | { type: 'Tanh' }
  | { type: 'GELU'; approximate: 'none' | 'tanh' }
  | { type: 'Softmax'; dim: number | null }
  | { type: 'LogSoftmax'; dim: number | null }
  | { type: 'Dropout'; p: number }
  | { type: 'Flatten'; start_dim: number; end_dim: number }
  | { type: 'Identity' };

export interface SequentialLayer {
  type: 'Sequential';
  children: SpecChild[];
}

/** A module to construct. Each object is one module: a shared one is one object reached through refs. */
export type LayerNode = LeafLayer | SequentialLayer;

export interface RefNode {
  ref: string;
}

export interface SpecChild {
  /** The key in the parent: the given name, or the position as a string. */
  name: string;
  node: LayerNode | RefNode;
}

export interface SharedModule {
  name: string;
  node: LayerNode;
}

export interface SpecStats {
  /** Parameter elements once built, tied parameters once (the API's `parameterCount`). */
  parameterCount: number;
  /** Parameter elements construction allocates (what `maxParameters` bounds). */
  allocatedParameters: number;
  /** `len(named_modules(remove_duplicate=False))`. */
  modulePaths: number;
  /** Segments in the longest module path. */
  depth: number;
}

export interface ValidatedSpec {
  root: LayerNode;
  /** In declaration order, which is construction (and so RNG draw) order. */
  shared: SharedModule[];
  ties: ParameterTieJson[];
  stats: SpecStats;
}

export function isRef(node: LayerNode | RefNode): node is RefNode {
  return 'ref' in node;
}
