// Original file: proto/paramserve/v1/models.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateModelRequest as _paramserve_v1_CreateModelRequest, CreateModelRequest__Output as _paramserve_v1_CreateModelRequest__Output } from '../../paramserve/v1/CreateModelRequest.js';
import type { DeleteModelRequest as _paramserve_v1_DeleteModelRequest, DeleteModelRequest__Output as _paramserve_v1_DeleteModelRequest__Output } from '../../paramserve/v1/DeleteModelRequest.js';
import type { DeleteModelResponse as _paramserve_v1_DeleteModelResponse, DeleteModelResponse__Output as _paramserve_v1_DeleteModelResponse__Output } from '../../paramserve/v1/DeleteModelResponse.js';
import type { GetModelRequest as _paramserve_v1_GetModelRequest, GetModelRequest__Output as _paramserve_v1_GetModelRequest__Output } from '../../paramserve/v1/GetModelRequest.js';
import type { ListModelsRequest as _paramserve_v1_ListModelsRequest, ListModelsRequest__Output as _paramserve_v1_ListModelsRequest__Output } from '../../paramserve/v1/ListModelsRequest.js';
import type { ListModelsResponse as _paramserve_v1_ListModelsResponse, ListModelsResponse__Output as _paramserve_v1_ListModelsResponse__Output } from '../../paramserve/v1/ListModelsResponse.js';
import type { Model as _paramserve_v1_Model, Model__Output as _paramserve_v1_Model__Output } from '../../paramserve/v1/Model.js';
import type { SetTrainingModeRequest as _paramserve_v1_SetTrainingModeRequest, SetTrainingModeRequest__Output as _paramserve_v1_SetTrainingModeRequest__Output } from '../../paramserve/v1/SetTrainingModeRequest.js';
import type { TieRequest as _paramserve_v1_TieRequest, TieRequest__Output as _paramserve_v1_TieRequest__Output } from '../../paramserve/v1/TieRequest.js';

/**
 * Models: create from an architecture spec, inspect, list, delete, switch
 * train/eval mode, tie modules or parameters.
 * 
 * Writes take `if_match` with the syntax of HTTP's If-Match ("5", W/"5", 5,
 * a list, or *): when the model's version does not match, ABORTED with reason
 * VERSION_MISMATCH and nothing changes.
 */
export interface ModelServiceClient extends grpc.Client {
  /**
   * POST /v1/sessions/{id}/models: with `seed`, the weights equal PyTorch's bit for bit.
   */
  CreateModel(argument: _paramserve_v1_CreateModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  CreateModel(argument: _paramserve_v1_CreateModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  CreateModel(argument: _paramserve_v1_CreateModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  CreateModel(argument: _paramserve_v1_CreateModelRequest, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  /**
   * POST /v1/sessions/{id}/models: with `seed`, the weights equal PyTorch's bit for bit.
   */
  createModel(argument: _paramserve_v1_CreateModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  createModel(argument: _paramserve_v1_CreateModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  createModel(argument: _paramserve_v1_CreateModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  createModel(argument: _paramserve_v1_CreateModelRequest, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  
  /**
   * DELETE {m}
   */
  DeleteModel(argument: _paramserve_v1_DeleteModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_DeleteModelResponse__Output>): grpc.ClientUnaryCall;
  DeleteModel(argument: _paramserve_v1_DeleteModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_DeleteModelResponse__Output>): grpc.ClientUnaryCall;
  DeleteModel(argument: _paramserve_v1_DeleteModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_DeleteModelResponse__Output>): grpc.ClientUnaryCall;
  DeleteModel(argument: _paramserve_v1_DeleteModelRequest, callback: grpc.requestCallback<_paramserve_v1_DeleteModelResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DELETE {m}
   */
  deleteModel(argument: _paramserve_v1_DeleteModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_DeleteModelResponse__Output>): grpc.ClientUnaryCall;
  deleteModel(argument: _paramserve_v1_DeleteModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_DeleteModelResponse__Output>): grpc.ClientUnaryCall;
  deleteModel(argument: _paramserve_v1_DeleteModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_DeleteModelResponse__Output>): grpc.ClientUnaryCall;
  deleteModel(argument: _paramserve_v1_DeleteModelRequest, callback: grpc.requestCallback<_paramserve_v1_DeleteModelResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GET {m}
   */
  GetModel(argument: _paramserve_v1_GetModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  GetModel(argument: _paramserve_v1_GetModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  GetModel(argument: _paramserve_v1_GetModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  GetModel(argument: _paramserve_v1_GetModelRequest, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  /**
   * GET {m}
   */
  getModel(argument: _paramserve_v1_GetModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  getModel(argument: _paramserve_v1_GetModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  getModel(argument: _paramserve_v1_GetModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  getModel(argument: _paramserve_v1_GetModelRequest, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  
  /**
   * GET /v1/sessions/{id}/models
   */
  ListModels(argument: _paramserve_v1_ListModelsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _paramserve_v1_ListModelsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _paramserve_v1_ListModelsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _paramserve_v1_ListModelsRequest, callback: grpc.requestCallback<_paramserve_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GET /v1/sessions/{id}/models
   */
  listModels(argument: _paramserve_v1_ListModelsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _paramserve_v1_ListModelsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _paramserve_v1_ListModelsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _paramserve_v1_ListModelsRequest, callback: grpc.requestCallback<_paramserve_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * PATCH {m} {training}: model.train(mode) / model.eval().
   */
  SetTrainingMode(argument: _paramserve_v1_SetTrainingModeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  SetTrainingMode(argument: _paramserve_v1_SetTrainingModeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  SetTrainingMode(argument: _paramserve_v1_SetTrainingModeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  SetTrainingMode(argument: _paramserve_v1_SetTrainingModeRequest, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  /**
   * PATCH {m} {training}: model.train(mode) / model.eval().
   */
  setTrainingMode(argument: _paramserve_v1_SetTrainingModeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  setTrainingMode(argument: _paramserve_v1_SetTrainingModeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  setTrainingMode(argument: _paramserve_v1_SetTrainingModeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  setTrainingMode(argument: _paramserve_v1_SetTrainingModeRequest, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  
  /**
   * POST {m}/ties: {module, to} makes `module` the same object as `to`; {parameter, to} ties one parameter.
   */
  Tie(argument: _paramserve_v1_TieRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  Tie(argument: _paramserve_v1_TieRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  Tie(argument: _paramserve_v1_TieRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  Tie(argument: _paramserve_v1_TieRequest, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  /**
   * POST {m}/ties: {module, to} makes `module` the same object as `to`; {parameter, to} ties one parameter.
   */
  tie(argument: _paramserve_v1_TieRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  tie(argument: _paramserve_v1_TieRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  tie(argument: _paramserve_v1_TieRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  tie(argument: _paramserve_v1_TieRequest, callback: grpc.requestCallback<_paramserve_v1_Model__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Models: create from an architecture spec, inspect, list, delete, switch
 * train/eval mode, tie modules or parameters.
 * 
 * Writes take `if_match` with the syntax of HTTP's If-Match ("5", W/"5", 5,
 * a list, or *): when the model's version does not match, ABORTED with reason
 * VERSION_MISMATCH and nothing changes.
 */
export interface ModelServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * POST /v1/sessions/{id}/models: with `seed`, the weights equal PyTorch's bit for bit.
   */
  CreateModel: grpc.handleUnaryCall<_paramserve_v1_CreateModelRequest__Output, _paramserve_v1_Model>;
  
  /**
   * DELETE {m}
   */
  DeleteModel: grpc.handleUnaryCall<_paramserve_v1_DeleteModelRequest__Output, _paramserve_v1_DeleteModelResponse>;
  
  /**
   * GET {m}
   */
  GetModel: grpc.handleUnaryCall<_paramserve_v1_GetModelRequest__Output, _paramserve_v1_Model>;
  
  /**
   * GET /v1/sessions/{id}/models
   */
  ListModels: grpc.handleUnaryCall<_paramserve_v1_ListModelsRequest__Output, _paramserve_v1_ListModelsResponse>;
  
  /**
   * PATCH {m} {training}: model.train(mode) / model.eval().
   */
  SetTrainingMode: grpc.handleUnaryCall<_paramserve_v1_SetTrainingModeRequest__Output, _paramserve_v1_Model>;
  
  /**
   * POST {m}/ties: {module, to} makes `module` the same object as `to`; {parameter, to} ties one parameter.
   */
  Tie: grpc.handleUnaryCall<_paramserve_v1_TieRequest__Output, _paramserve_v1_Model>;
  
}

export interface ModelServiceDefinition extends grpc.ServiceDefinition {
  CreateModel: MethodDefinition<_paramserve_v1_CreateModelRequest, _paramserve_v1_Model, _paramserve_v1_CreateModelRequest__Output, _paramserve_v1_Model__Output>
  DeleteModel: MethodDefinition<_paramserve_v1_DeleteModelRequest, _paramserve_v1_DeleteModelResponse, _paramserve_v1_DeleteModelRequest__Output, _paramserve_v1_DeleteModelResponse__Output>
  GetModel: MethodDefinition<_paramserve_v1_GetModelRequest, _paramserve_v1_Model, _paramserve_v1_GetModelRequest__Output, _paramserve_v1_Model__Output>
  ListModels: MethodDefinition<_paramserve_v1_ListModelsRequest, _paramserve_v1_ListModelsResponse, _paramserve_v1_ListModelsRequest__Output, _paramserve_v1_ListModelsResponse__Output>
  SetTrainingMode: MethodDefinition<_paramserve_v1_SetTrainingModeRequest, _paramserve_v1_Model, _paramserve_v1_SetTrainingModeRequest__Output, _paramserve_v1_Model__Output>
  Tie: MethodDefinition<_paramserve_v1_TieRequest, _paramserve_v1_Model, _paramserve_v1_TieRequest__Output, _paramserve_v1_Model__Output>
}
