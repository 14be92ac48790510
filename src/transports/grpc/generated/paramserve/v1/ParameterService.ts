// Original file: proto/paramserve/v1/parameters.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetParameterRequest as _paramserve_v1_GetParameterRequest, GetParameterRequest__Output as _paramserve_v1_GetParameterRequest__Output } from '../../paramserve/v1/GetParameterRequest.js';
import type { GetStateDictRequest as _paramserve_v1_GetStateDictRequest, GetStateDictRequest__Output as _paramserve_v1_GetStateDictRequest__Output } from '../../paramserve/v1/GetStateDictRequest.js';
import type { InitializeRequest as _paramserve_v1_InitializeRequest, InitializeRequest__Output as _paramserve_v1_InitializeRequest__Output } from '../../paramserve/v1/InitializeRequest.js';
import type { InitializeResponse as _paramserve_v1_InitializeResponse, InitializeResponse__Output as _paramserve_v1_InitializeResponse__Output } from '../../paramserve/v1/InitializeResponse.js';
import type { ListParametersRequest as _paramserve_v1_ListParametersRequest, ListParametersRequest__Output as _paramserve_v1_ListParametersRequest__Output } from '../../paramserve/v1/ListParametersRequest.js';
import type { ListParametersResponse as _paramserve_v1_ListParametersResponse, ListParametersResponse__Output as _paramserve_v1_ListParametersResponse__Output } from '../../paramserve/v1/ListParametersResponse.js';
import type { LoadStateDictResponse as _paramserve_v1_LoadStateDictResponse, LoadStateDictResponse__Output as _paramserve_v1_LoadStateDictResponse__Output } from '../../paramserve/v1/LoadStateDictResponse.js';
import type { Parameter as _paramserve_v1_Parameter, Parameter__Output as _paramserve_v1_Parameter__Output } from '../../paramserve/v1/Parameter.js';
import type { PatchParameterRequest as _paramserve_v1_PatchParameterRequest, PatchParameterRequest__Output as _paramserve_v1_PatchParameterRequest__Output } from '../../paramserve/v1/PatchParameterRequest.js';
import type { PutParameterRequest as _paramserve_v1_PutParameterRequest, PutParameterRequest__Output as _paramserve_v1_PutParameterRequest__Output } from '../../paramserve/v1/PutParameterRequest.js';
import type { PutStateDictRequest as _paramserve_v1_PutStateDictRequest, PutStateDictRequest__Output as _paramserve_v1_PutStateDictRequest__Output } from '../../paramserve/v1/PutStateDictRequest.js';
import type { PutStateDictSafetensorsRequest as _paramserve_v1_PutStateDictSafetensorsRequest, PutStateDictSafetensorsRequest__Output as _paramserve_v1_PutStateDictSafetensorsRequest__Output } from '../../paramserve/v1/PutStateDictSafetensorsRequest.js';
import type { SafetensorsFile as _paramserve_v1_SafetensorsFile, SafetensorsFile__Output as _paramserve_v1_SafetensorsFile__Output } from '../../paramserve/v1/SafetensorsFile.js';
import type { StateDict as _paramserve_v1_StateDict, StateDict__Output as _paramserve_v1_StateDict__Output } from '../../paramserve/v1/StateDict.js';

/**
 * Parameters and state dicts: read and write them by PyTorch's dotted names
 * (`2.weight`, `0.block 1.0.bias`; positional and named children both
 * resolve), edit regions with PyTorch index strings, apply initializers.
 * 
 * Writes take `if_match` (see ModelService). Requests that return tensors
 * take `encoding`: packed floats (default) or raw little-endian bytes.
 */
export interface ParameterServiceClient extends grpc.Client {
  /**
   * GET {m}/parameters/{name}
   */
  GetParameter(argument: _paramserve_v1_GetParameterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  GetParameter(argument: _paramserve_v1_GetParameterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  GetParameter(argument: _paramserve_v1_GetParameterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  GetParameter(argument: _paramserve_v1_GetParameterRequest, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  /**
   * GET {m}/parameters/{name}
   */
  getParameter(argument: _paramserve_v1_GetParameterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  getParameter(argument: _paramserve_v1_GetParameterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  getParameter(argument: _paramserve_v1_GetParameterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  getParameter(argument: _paramserve_v1_GetParameterRequest, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  
  /**
   * GET {m}/state_dict?module=PATH: every key in PyTorch's order, tied parameters under each name.
   */
  GetStateDict(argument: _paramserve_v1_GetStateDictRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_StateDict__Output>): grpc.ClientUnaryCall;
  GetStateDict(argument: _paramserve_v1_GetStateDictRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_StateDict__Output>): grpc.ClientUnaryCall;
  GetStateDict(argument: _paramserve_v1_GetStateDictRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_StateDict__Output>): grpc.ClientUnaryCall;
  GetStateDict(argument: _paramserve_v1_GetStateDictRequest, callback: grpc.requestCallback<_paramserve_v1_StateDict__Output>): grpc.ClientUnaryCall;
  /**
   * GET {m}/state_dict?module=PATH: every key in PyTorch's order, tied parameters under each name.
   */
  getStateDict(argument: _paramserve_v1_GetStateDictRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_StateDict__Output>): grpc.ClientUnaryCall;
  getStateDict(argument: _paramserve_v1_GetStateDictRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_StateDict__Output>): grpc.ClientUnaryCall;
  getStateDict(argument: _paramserve_v1_GetStateDictRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_StateDict__Output>): grpc.ClientUnaryCall;
  getStateDict(argument: _paramserve_v1_GetStateDictRequest, callback: grpc.requestCallback<_paramserve_v1_StateDict__Output>): grpc.ClientUnaryCall;
  
  /**
   * GET {m}/state_dict?format=safetensors: a safetensors file PyTorch loads.
   */
  GetStateDictSafetensors(argument: _paramserve_v1_GetStateDictRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_SafetensorsFile__Output>): grpc.ClientUnaryCall;
  GetStateDictSafetensors(argument: _paramserve_v1_GetStateDictRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_SafetensorsFile__Output>): grpc.ClientUnaryCall;
  GetStateDictSafetensors(argument: _paramserve_v1_GetStateDictRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_SafetensorsFile__Output>): grpc.ClientUnaryCall;
  GetStateDictSafetensors(argument: _paramserve_v1_GetStateDictRequest, callback: grpc.requestCallback<_paramserve_v1_SafetensorsFile__Output>): grpc.ClientUnaryCall;
  /**
   * GET {m}/state_dict?format=safetensors: a safetensors file PyTorch loads.
   */
  getStateDictSafetensors(argument: _paramserve_v1_GetStateDictRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_SafetensorsFile__Output>): grpc.ClientUnaryCall;
  getStateDictSafetensors(argument: _paramserve_v1_GetStateDictRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_SafetensorsFile__Output>): grpc.ClientUnaryCall;
  getStateDictSafetensors(argument: _paramserve_v1_GetStateDictRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_SafetensorsFile__Output>): grpc.ClientUnaryCall;
  getStateDictSafetensors(argument: _paramserve_v1_GetStateDictRequest, callback: grpc.requestCallback<_paramserve_v1_SafetensorsFile__Output>): grpc.ClientUnaryCall;
  
  /**
   * POST {m}/initialize: initializers on every module of the given types in a subtree (PyTorch's apply order).
   */
  Initialize(argument: _paramserve_v1_InitializeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_InitializeResponse__Output>): grpc.ClientUnaryCall;
  Initialize(argument: _paramserve_v1_InitializeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_InitializeResponse__Output>): grpc.ClientUnaryCall;
  Initialize(argument: _paramserve_v1_InitializeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_InitializeResponse__Output>): grpc.ClientUnaryCall;
  Initialize(argument: _paramserve_v1_InitializeRequest, callback: grpc.requestCallback<_paramserve_v1_InitializeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * POST {m}/initialize: initializers on every module of the given types in a subtree (PyTorch's apply order).
   */
  initialize(argument: _paramserve_v1_InitializeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_InitializeResponse__Output>): grpc.ClientUnaryCall;
  initialize(argument: _paramserve_v1_InitializeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_InitializeResponse__Output>): grpc.ClientUnaryCall;
  initialize(argument: _paramserve_v1_InitializeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_InitializeResponse__Output>): grpc.ClientUnaryCall;
  initialize(argument: _paramserve_v1_InitializeRequest, callback: grpc.requestCallback<_paramserve_v1_InitializeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GET {m}/parameters?module=PATH: named_parameters() of that module.
   */
  ListParameters(argument: _paramserve_v1_ListParametersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ListParametersResponse__Output>): grpc.ClientUnaryCall;
  ListParameters(argument: _paramserve_v1_ListParametersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_ListParametersResponse__Output>): grpc.ClientUnaryCall;
  ListParameters(argument: _paramserve_v1_ListParametersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ListParametersResponse__Output>): grpc.ClientUnaryCall;
  ListParameters(argument: _paramserve_v1_ListParametersRequest, callback: grpc.requestCallback<_paramserve_v1_ListParametersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GET {m}/parameters?module=PATH: named_parameters() of that module.
   */
  listParameters(argument: _paramserve_v1_ListParametersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ListParametersResponse__Output>): grpc.ClientUnaryCall;
  listParameters(argument: _paramserve_v1_ListParametersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_ListParametersResponse__Output>): grpc.ClientUnaryCall;
  listParameters(argument: _paramserve_v1_ListParametersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ListParametersResponse__Output>): grpc.ClientUnaryCall;
  listParameters(argument: _paramserve_v1_ListParametersRequest, callback: grpc.requestCallback<_paramserve_v1_ListParametersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * PATCH {m}/parameters/{name}: w[index] op= value, and/or freeze with requires_grad.
   */
  PatchParameter(argument: _paramserve_v1_PatchParameterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  PatchParameter(argument: _paramserve_v1_PatchParameterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  PatchParameter(argument: _paramserve_v1_PatchParameterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  PatchParameter(argument: _paramserve_v1_PatchParameterRequest, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  /**
   * PATCH {m}/parameters/{name}: w[index] op= value, and/or freeze with requires_grad.
   */
  patchParameter(argument: _paramserve_v1_PatchParameterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  patchParameter(argument: _paramserve_v1_PatchParameterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  patchParameter(argument: _paramserve_v1_PatchParameterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  patchParameter(argument: _paramserve_v1_PatchParameterRequest, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  
  /**
   * PUT {m}/parameters/{name}: replace the whole value (same shape).
   */
  PutParameter(argument: _paramserve_v1_PutParameterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  PutParameter(argument: _paramserve_v1_PutParameterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  PutParameter(argument: _paramserve_v1_PutParameterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  PutParameter(argument: _paramserve_v1_PutParameterRequest, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  /**
   * PUT {m}/parameters/{name}: replace the whole value (same shape).
   */
  putParameter(argument: _paramserve_v1_PutParameterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  putParameter(argument: _paramserve_v1_PutParameterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  putParameter(argument: _paramserve_v1_PutParameterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  putParameter(argument: _paramserve_v1_PutParameterRequest, callback: grpc.requestCallback<_paramserve_v1_Parameter__Output>): grpc.ClientUnaryCall;
  
  /**
   * PUT {m}/state_dict: load_state_dict(), all or nothing.
   */
  PutStateDict(argument: _paramserve_v1_PutStateDictRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  PutStateDict(argument: _paramserve_v1_PutStateDictRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  PutStateDict(argument: _paramserve_v1_PutStateDictRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  PutStateDict(argument: _paramserve_v1_PutStateDictRequest, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  /**
   * PUT {m}/state_dict: load_state_dict(), all or nothing.
   */
  putStateDict(argument: _paramserve_v1_PutStateDictRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  putStateDict(argument: _paramserve_v1_PutStateDictRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  putStateDict(argument: _paramserve_v1_PutStateDictRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  putStateDict(argument: _paramserve_v1_PutStateDictRequest, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * PUT {m}/state_dict with a safetensors body.
   */
  PutStateDictSafetensors(argument: _paramserve_v1_PutStateDictSafetensorsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  PutStateDictSafetensors(argument: _paramserve_v1_PutStateDictSafetensorsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  PutStateDictSafetensors(argument: _paramserve_v1_PutStateDictSafetensorsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  PutStateDictSafetensors(argument: _paramserve_v1_PutStateDictSafetensorsRequest, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  /**
   * PUT {m}/state_dict with a safetensors body.
   */
  putStateDictSafetensors(argument: _paramserve_v1_PutStateDictSafetensorsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  putStateDictSafetensors(argument: _paramserve_v1_PutStateDictSafetensorsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  putStateDictSafetensors(argument: _paramserve_v1_PutStateDictSafetensorsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  putStateDictSafetensors(argument: _paramserve_v1_PutStateDictSafetensorsRequest, callback: grpc.requestCallback<_paramserve_v1_LoadStateDictResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Parameters and state dicts: read and write them by PyTorch's dotted names
 * (`2.weight`, `0.block 1.0.bias`; positional and named children both
 * resolve), edit regions with PyTorch index strings, apply initializers.
 * 
 * Writes take `if_match` (see ModelService). Requests that return tensors
 * take `encoding`: packed floats (default) or raw little-endian bytes.
 */
export interface ParameterServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * GET {m}/parameters/{name}
   */
  GetParameter: grpc.handleUnaryCall<_paramserve_v1_GetParameterRequest__Output, _paramserve_v1_Parameter>;
  
  /**
   * GET {m}/state_dict?module=PATH: every key in PyTorch's order, tied parameters under each name.
   */
  GetStateDict: grpc.handleUnaryCall<_paramserve_v1_GetStateDictRequest__Output, _paramserve_v1_StateDict>;
  
  /**
   * GET {m}/state_dict?format=safetensors: a safetensors file PyTorch loads.
   */
  GetStateDictSafetensors: grpc.handleUnaryCall<_paramserve_v1_GetStateDictRequest__Output, _paramserve_v1_SafetensorsFile>;
  
  /**
   * POST {m}/initialize: initializers on every module of the given types in a subtree (PyTorch's apply order).
   */
  Initialize: grpc.handleUnaryCall<_paramserve_v1_InitializeRequest__Output, _paramserve_v1_InitializeResponse>;
  
  /**
   * GET {m}/parameters?module=PATH: named_parameters() of that module.
   */
  ListParameters: grpc.handleUnaryCall<_paramserve_v1_ListParametersRequest__Output, _paramserve_v1_ListParametersResponse>;
  
  /**
   * PATCH {m}/parameters/{name}: w[index] op= value, and/or freeze with requires_grad.
   */
  PatchParameter: grpc.handleUnaryCall<_paramserve_v1_PatchParameterRequest__Output, _paramserve_v1_Parameter>;
  
  /**
   * PUT {m}/parameters/{name}: replace the whole value (same shape).
   */
  PutParameter: grpc.handleUnaryCall<_paramserve_v1_PutParameterRequest__Output, _paramserve_v1_Parameter>;
  
  /**
   * PUT {m}/state_dict: load_state_dict(), all or nothing.
   */
  PutStateDict: grpc.handleUnaryCall<_paramserve_v1_PutStateDictRequest__Output, _paramserve_v1_LoadStateDictResponse>;
  
  /**
   * PUT {m}/state_dict with a safetensors body.
   */
  PutStateDictSafetensors: grpc.handleUnaryCall<_paramserve_v1_PutStateDictSafetensorsRequest__Output, _paramserve_v1_LoadStateDictResponse>;
  
}

export interface ParameterServiceDefinition extends grpc.ServiceDefinition {
  GetParameter: MethodDefinition<_paramserve_v1_GetParameterRequest, _paramserve_v1_Parameter, _paramserve_v1_GetParameterRequest__Output, _paramserve_v1_Parameter__Output>
  GetStateDict: MethodDefinition<_paramserve_v1_GetStateDictRequest, _paramserve_v1_StateDict, _paramserve_v1_GetStateDictRequest__Output, _paramserve_v1_StateDict__Output>
  GetStateDictSafetensors: MethodDefinition<_paramserve_v1_GetStateDictRequest, _paramserve_v1_SafetensorsFile, _paramserve_v1_GetStateDictRequest__Output, _paramserve_v1_SafetensorsFile__Output>
  Initialize: MethodDefinition<_paramserve_v1_InitializeRequest, _paramserve_v1_InitializeResponse, _paramserve_v1_InitializeRequest__Output, _paramserve_v1_InitializeResponse__Output>
  ListParameters: MethodDefinition<_paramserve_v1_ListParametersRequest, _paramserve_v1_ListParametersResponse, _paramserve_v1_ListParametersRequest__Output, _paramserve_v1_ListParametersResponse__Output>
  PatchParameter: MethodDefinition<_paramserve_v1_PatchParameterRequest, _paramserve_v1_Parameter, _paramserve_v1_PatchParameterRequest__Output, _paramserve_v1_Parameter__Output>
  PutParameter: MethodDefinition<_paramserve_v1_PutParameterRequest, _paramserve_v1_Parameter, _paramserve_v1_PutParameterRequest__Output, _paramserve_v1_Parameter__Output>
  PutStateDict: MethodDefinition<_paramserve_v1_PutStateDictRequest, _paramserve_v1_LoadStateDictResponse, _paramserve_v1_PutStateDictRequest__Output, _paramserve_v1_LoadStateDictResponse__Output>
  PutStateDictSafetensors: MethodDefinition<_paramserve_v1_PutStateDictSafetensorsRequest, _paramserve_v1_LoadStateDictResponse, _paramserve_v1_PutStateDictSafetensorsRequest__Output, _paramserve_v1_LoadStateDictResponse__Output>
}
