import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateModelRequest as _paramserve_v1_CreateModelRequest, CreateModelRequest__Output as _paramserve_v1_CreateModelRequest__Output } from './paramserve/v1/CreateModelRequest.js';
import type { DeleteModelRequest as _paramserve_v1_DeleteModelRequest, DeleteModelRequest__Output as _paramserve_v1_DeleteModelRequest__Output } from './paramserve/v1/DeleteModelRequest.js';
import type { DeleteModelResponse as _paramserve_v1_DeleteModelResponse, DeleteModelResponse__Output as _paramserve_v1_DeleteModelResponse__Output } from './paramserve/v1/DeleteModelResponse.js';
import type { GetModelRequest as _paramserve_v1_GetModelRequest, GetModelRequest__Output as _paramserve_v1_GetModelRequest__Output } from './paramserve/v1/GetModelRequest.js';
import type { GetParameterRequest as _paramserve_v1_GetParameterRequest, GetParameterRequest__Output as _paramserve_v1_GetParameterRequest__Output } from './paramserve/v1/GetParameterRequest.js';
import type { GetStateDictRequest as _paramserve_v1_GetStateDictRequest, GetStateDictRequest__Output as _paramserve_v1_GetStateDictRequest__Output } from './paramserve/v1/GetStateDictRequest.js';
import type { InitializeRequest as _paramserve_v1_InitializeRequest, InitializeRequest__Output as _paramserve_v1_InitializeRequest__Output } from './paramserve/v1/InitializeRequest.js';
import type { InitializeResponse as _paramserve_v1_InitializeResponse, InitializeResponse__Output as _paramserve_v1_InitializeResponse__Output } from './paramserve/v1/InitializeResponse.js';
import type { InitializedParameter as _paramserve_v1_InitializedParameter, InitializedParameter__Output as _paramserve_v1_InitializedParameter__Output } from './paramserve/v1/InitializedParameter.js';
import type { Initializer as _paramserve_v1_Initializer, Initializer__Output as _paramserve_v1_Initializer__Output } from './paramserve/v1/Initializer.js';
import type { ListModelsRequest as _paramserve_v1_ListModelsRequest, ListModelsRequest__Output as _paramserve_v1_ListModelsRequest__Output } from './paramserve/v1/ListModelsRequest.js';
import type { ListModelsResponse as _paramserve_v1_ListModelsResponse, ListModelsResponse__Output as _paramserve_v1_ListModelsResponse__Output } from './paramserve/v1/ListModelsResponse.js';
import type { ListParametersRequest as _paramserve_v1_ListParametersRequest, ListParametersRequest__Output as _paramserve_v1_ListParametersRequest__Output } from './paramserve/v1/ListParametersRequest.js';
import type { ListParametersResponse as _paramserve_v1_ListParametersResponse, ListParametersResponse__Output as _paramserve_v1_ListParametersResponse__Output } from './paramserve/v1/ListParametersResponse.js';
import type { LoadStateDictResponse as _paramserve_v1_LoadStateDictResponse, LoadStateDictResponse__Output as _paramserve_v1_LoadStateDictResponse__Output } from './paramserve/v1/LoadStateDictResponse.js';
import type { MixtureComponent as _paramserve_v1_MixtureComponent, MixtureComponent__Output as _paramserve_v1_MixtureComponent__Output } from './paramserve/v1/MixtureComponent.js';
import type { Model as _paramserve_v1_Model, Model__Output as _paramserve_v1_Model__Output } from './paramserve/v1/Model.js';
import type { ModelServiceClient as _paramserve_v1_ModelServiceClient, ModelServiceDefinition as _paramserve_v1_ModelServiceDefinition } from './paramserve/v1/ModelService.js';
import type { ModelSummary as _paramserve_v1_ModelSummary, ModelSummary__Output as _paramserve_v1_ModelSummary__Output } from './paramserve/v1/ModelSummary.js';
import type { Module as _paramserve_v1_Module, Module__Output as _paramserve_v1_Module__Output } from './paramserve/v1/Module.js';
import type { Parameter as _paramserve_v1_Parameter, Parameter__Output as _paramserve_v1_Parameter__Output } from './paramserve/v1/Parameter.js';
import type { ParameterInfo as _paramserve_v1_ParameterInfo, ParameterInfo__Output as _paramserve_v1_ParameterInfo__Output } from './paramserve/v1/ParameterInfo.js';
import type { ParameterServiceClient as _paramserve_v1_ParameterServiceClient, ParameterServiceDefinition as _paramserve_v1_ParameterServiceDefinition } from './paramserve/v1/ParameterService.js';
import type { ParameterTie as _paramserve_v1_ParameterTie, ParameterTie__Output as _paramserve_v1_ParameterTie__Output } from './paramserve/v1/ParameterTie.js';
import type { PatchParameterRequest as _paramserve_v1_PatchParameterRequest, PatchParameterRequest__Output as _paramserve_v1_PatchParameterRequest__Output } from './paramserve/v1/PatchParameterRequest.js';
import type { PutParameterRequest as _paramserve_v1_PutParameterRequest, PutParameterRequest__Output as _paramserve_v1_PutParameterRequest__Output } from './paramserve/v1/PutParameterRequest.js';
import type { PutStateDictRequest as _paramserve_v1_PutStateDictRequest, PutStateDictRequest__Output as _paramserve_v1_PutStateDictRequest__Output } from './paramserve/v1/PutStateDictRequest.js';
import type { PutStateDictSafetensorsRequest as _paramserve_v1_PutStateDictSafetensorsRequest, PutStateDictSafetensorsRequest__Output as _paramserve_v1_PutStateDictSafetensorsRequest__Output } from './paramserve/v1/PutStateDictSafetensorsRequest.js';
import type { SafetensorsFile as _paramserve_v1_SafetensorsFile, SafetensorsFile__Output as _paramserve_v1_SafetensorsFile__Output } from './paramserve/v1/SafetensorsFile.js';
import type { SetTrainingModeRequest as _paramserve_v1_SetTrainingModeRequest, SetTrainingModeRequest__Output as _paramserve_v1_SetTrainingModeRequest__Output } from './paramserve/v1/SetTrainingModeRequest.js';
import type { SharedModule as _paramserve_v1_SharedModule, SharedModule__Output as _paramserve_v1_SharedModule__Output } from './paramserve/v1/SharedModule.js';
import type { StateDict as _paramserve_v1_StateDict, StateDict__Output as _paramserve_v1_StateDict__Output } from './paramserve/v1/StateDict.js';
import type { StateDictEntry as _paramserve_v1_StateDictEntry, StateDictEntry__Output as _paramserve_v1_StateDictEntry__Output } from './paramserve/v1/StateDictEntry.js';
import type { Tensor as _paramserve_v1_Tensor, Tensor__Output as _paramserve_v1_Tensor__Output } from './paramserve/v1/Tensor.js';
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
      EditOp: EnumTypeDefinition
      GetModelRequest: MessageTypeDefinition<_paramserve_v1_GetModelRequest, _paramserve_v1_GetModelRequest__Output>
      GetParameterRequest: MessageTypeDefinition<_paramserve_v1_GetParameterRequest, _paramserve_v1_GetParameterRequest__Output>
      GetStateDictRequest: MessageTypeDefinition<_paramserve_v1_GetStateDictRequest, _paramserve_v1_GetStateDictRequest__Output>
      InitializeRequest: MessageTypeDefinition<_paramserve_v1_InitializeRequest, _paramserve_v1_InitializeRequest__Output>
      InitializeResponse: MessageTypeDefinition<_paramserve_v1_InitializeResponse, _paramserve_v1_InitializeResponse__Output>
      InitializedParameter: MessageTypeDefinition<_paramserve_v1_InitializedParameter, _paramserve_v1_InitializedParameter__Output>
      Initializer: MessageTypeDefinition<_paramserve_v1_Initializer, _paramserve_v1_Initializer__Output>
      ListModelsRequest: MessageTypeDefinition<_paramserve_v1_ListModelsRequest, _paramserve_v1_ListModelsRequest__Output>
      ListModelsResponse: MessageTypeDefinition<_paramserve_v1_ListModelsResponse, _paramserve_v1_ListModelsResponse__Output>
      ListParametersRequest: MessageTypeDefinition<_paramserve_v1_ListParametersRequest, _paramserve_v1_ListParametersRequest__Output>
      ListParametersResponse: MessageTypeDefinition<_paramserve_v1_ListParametersResponse, _paramserve_v1_ListParametersResponse__Output>
      LoadStateDictResponse: MessageTypeDefinition<_paramserve_v1_LoadStateDictResponse, _paramserve_v1_LoadStateDictResponse__Output>
      MixtureComponent: MessageTypeDefinition<_paramserve_v1_MixtureComponent, _paramserve_v1_MixtureComponent__Output>
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
      Parameter: MessageTypeDefinition<_paramserve_v1_Parameter, _paramserve_v1_Parameter__Output>
      ParameterInfo: MessageTypeDefinition<_paramserve_v1_ParameterInfo, _paramserve_v1_ParameterInfo__Output>
      /**
       * Parameters and state dicts: read and write them by PyTorch's dotted names
       * (`2.weight`, `0.block 1.0.bias`; positional and named children both
       * resolve), edit regions with PyTorch index strings, apply initializers.
       * 
       * Writes take `if_match` (see ModelService). Requests that return tensors
       * take `encoding`: packed floats (default) or raw little-endian bytes.
       */
      ParameterService: SubtypeConstructor<typeof grpc.Client, _paramserve_v1_ParameterServiceClient> & { service: _paramserve_v1_ParameterServiceDefinition }
      ParameterTie: MessageTypeDefinition<_paramserve_v1_ParameterTie, _paramserve_v1_ParameterTie__Output>
      PatchParameterRequest: MessageTypeDefinition<_paramserve_v1_PatchParameterRequest, _paramserve_v1_PatchParameterRequest__Output>
      PutParameterRequest: MessageTypeDefinition<_paramserve_v1_PutParameterRequest, _paramserve_v1_PutParameterRequest__Output>
      PutStateDictRequest: MessageTypeDefinition<_paramserve_v1_PutStateDictRequest, _paramserve_v1_PutStateDictRequest__Output>
      PutStateDictSafetensorsRequest: MessageTypeDefinition<_paramserve_v1_PutStateDictSafetensorsRequest, _paramserve_v1_PutStateDictSafetensorsRequest__Output>
      SafetensorsFile: MessageTypeDefinition<_paramserve_v1_SafetensorsFile, _paramserve_v1_SafetensorsFile__Output>
      SetTrainingModeRequest: MessageTypeDefinition<_paramserve_v1_SetTrainingModeRequest, _paramserve_v1_SetTrainingModeRequest__Output>
      SharedModule: MessageTypeDefinition<_paramserve_v1_SharedModule, _paramserve_v1_SharedModule__Output>
      StateDict: MessageTypeDefinition<_paramserve_v1_StateDict, _paramserve_v1_StateDict__Output>
      StateDictEntry: MessageTypeDefinition<_paramserve_v1_StateDictEntry, _paramserve_v1_StateDictEntry__Output>
      Tensor: MessageTypeDefinition<_paramserve_v1_Tensor, _paramserve_v1_Tensor__Output>
      TensorEncoding: EnumTypeDefinition
      TieRequest: MessageTypeDefinition<_paramserve_v1_TieRequest, _paramserve_v1_TieRequest__Output>
    }
  }
}

