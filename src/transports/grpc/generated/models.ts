import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateModelRequest as _paramserve_v1_CreateModelRequest, CreateModelRequest__Output as _paramserve_v1_CreateModelRequest__Output } from './paramserve/v1/CreateModelRequest.js';
import type { DeleteModelRequest as _paramserve_v1_DeleteModelRequest, DeleteModelRequest__Output as _paramserve_v1_DeleteModelRequest__Output } from './paramserve/v1/DeleteModelRequest.js';
import type { DeleteModelResponse as _paramserve_v1_DeleteModelResponse, DeleteModelResponse__Output as _paramserve_v1_DeleteModelResponse__Output } from './paramserve/v1/DeleteModelResponse.js';
import type { GetModelRequest as _paramserve_v1_GetModelRequest, GetModelRequest__Output as _paramserve_v1_GetModelRequest__Output } from './paramserve/v1/GetModelRequest.js';
import type { ListModelsRequest as _paramserve_v1_ListModelsRequest, ListModelsRequest__Output as _paramserve_v1_ListModelsRequest__Output } from './paramserve/v1/ListModelsRequest.js';
import type { ListModelsResponse as _paramserve_v1_ListModelsResponse, ListModelsResponse__Output as _paramserve_v1_ListModelsResponse__Output } from './paramserve/v1/ListModelsResponse.js';
import type { Model as _paramserve_v1_Model, Model__Output as _paramserve_v1_Model__Output } from './paramserve/v1/Model.js';
import type { ModelServiceClient as _paramserve_v1_ModelServiceClient, ModelServiceDefinition as _paramserve_v1_ModelServiceDefinition } from './paramserve/v1/ModelService.js';
import type { ModelSummary as _paramserve_v1_ModelSummary, ModelSummary__Output as _paramserve_v1_ModelSummary__Output } from './paramserve/v1/ModelSummary.js';
import type { Module as _paramserve_v1_Module, Module__Output as _paramserve_v1_Module__Output } from './paramserve/v1/Module.js';
import type { ParameterInfo as _paramserve_v1_ParameterInfo, ParameterInfo__Output as _paramserve_v1_ParameterInfo__Output } from './paramserve/v1/ParameterInfo.js';
import type { ParameterTie as _paramserve_v1_ParameterTie, ParameterTie__Output as _paramserve_v1_ParameterTie__Output } from './paramserve/v1/ParameterTie.js';
import type { SetTrainingModeRequest as _paramserve_v1_SetTrainingModeRequest, SetTrainingModeRequest__Output as _paramserve_v1_SetTrainingModeRequest__Output } from './paramserve/v1/SetTrainingModeRequest.js';
import type { SharedModule as _paramserve_v1_SharedModule, SharedModule__Output as _paramserve_v1_SharedModule__Output } from './paramserve/v1/SharedModule.js';
import type { TieRequest as _paramserve_v1_TieRequest, TieRequest__Output as _paramserve_v1_TieRequest__Output } from './paramserve/v1/TieRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  paramserve: {
    v1: {
      CreateModelRequest: MessageTypeDefinition<_paramserve_v1_CreateModelRequest, _paramserve_v1_CreateModelRequest__Output>
      DeleteModelRequest: MessageTypeDefinition<_paramserve_v1_DeleteModelRequest, _paramserve_v1_DeleteModelRequest__Output>
      DeleteModelResponse: MessageTypeDefinition<_paramserve_v1_DeleteModelResponse, _paramserve_v1_DeleteModelResponse__Output>
      GetModelRequest: MessageTypeDefinition<_paramserve_v1_GetModelRequest, _paramserve_v1_GetModelRequest__Output>
      ListModelsRequest: MessageTypeDefinition<_paramserve_v1_ListModelsRequest, _paramserve_v1_ListModelsRequest__Output>
      ListModelsResponse: MessageTypeDefinition<_paramserve_v1_ListModelsResponse, _paramserve_v1_ListModelsResponse__Output>
      Model: MessageTypeDefinition<_paramserve_v1_Model, _paramserve_v1_Model__Output>
      /**
       * Models: create from an architecture spec, inspect, list, delete, switch
       * train/eval mode, tie modules or parameters.
       * 
       * Writes take `if_match` with the syntax of HTTP's If-Match ("5", W/"5", 5,
       * a list, or *): when the model's version does not match, ABORTED with reason
       * VERSION_MISMATCH and nothing changes.
       */
      ModelService: SubtypeConstructor<typeof grpc.Client, _paramserve_v1_ModelServiceClient> & { service: _paramserve_v1_ModelServiceDefinition }
      ModelSummary: MessageTypeDefinition<_paramserve_v1_ModelSummary, _paramserve_v1_ModelSummary__Output>
      Module: MessageTypeDefinition<_paramserve_v1_Module, _paramserve_v1_Module__Output>
      ParameterInfo: MessageTypeDefinition<_paramserve_v1_ParameterInfo, _paramserve_v1_ParameterInfo__Output>
      ParameterTie: MessageTypeDefinition<_paramserve_v1_ParameterTie, _paramserve_v1_ParameterTie__Output>
      SetTrainingModeRequest: MessageTypeDefinition<_paramserve_v1_SetTrainingModeRequest, _paramserve_v1_SetTrainingModeRequest__Output>
      SharedModule: MessageTypeDefinition<_paramserve_v1_SharedModule, _paramserve_v1_SharedModule__Output>
      TieRequest: MessageTypeDefinition<_paramserve_v1_TieRequest, _paramserve_v1_TieRequest__Output>
    }
  }
}

