import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { BackwardRequest as _paramserve_v1_BackwardRequest, BackwardRequest__Output as _paramserve_v1_BackwardRequest__Output } from './paramserve/v1/BackwardRequest.js';
import type { BackwardResponse as _paramserve_v1_BackwardResponse, BackwardResponse__Output as _paramserve_v1_BackwardResponse__Output } from './paramserve/v1/BackwardResponse.js';
import type { ComputeServiceClient as _paramserve_v1_ComputeServiceClient, ComputeServiceDefinition as _paramserve_v1_ComputeServiceDefinition } from './paramserve/v1/ComputeService.js';
import type { DoneEvent as _paramserve_v1_DoneEvent, DoneEvent__Output as _paramserve_v1_DoneEvent__Output } from './paramserve/v1/DoneEvent.js';
import type { EpochEvent as _paramserve_v1_EpochEvent, EpochEvent__Output as _paramserve_v1_EpochEvent__Output } from './paramserve/v1/EpochEvent.js';
import type { ForwardRequest as _paramserve_v1_ForwardRequest, ForwardRequest__Output as _paramserve_v1_ForwardRequest__Output } from './paramserve/v1/ForwardRequest.js';
import type { ForwardResponse as _paramserve_v1_ForwardResponse, ForwardResponse__Output as _paramserve_v1_ForwardResponse__Output } from './paramserve/v1/ForwardResponse.js';
import type { GetTrainingRunRequest as _paramserve_v1_GetTrainingRunRequest, GetTrainingRunRequest__Output as _paramserve_v1_GetTrainingRunRequest__Output } from './paramserve/v1/GetTrainingRunRequest.js';
import type { Observe as _paramserve_v1_Observe, Observe__Output as _paramserve_v1_Observe__Output } from './paramserve/v1/Observe.js';
import type { Optimizer as _paramserve_v1_Optimizer, Optimizer__Output as _paramserve_v1_Optimizer__Output } from './paramserve/v1/Optimizer.js';
import type { ParameterStats as _paramserve_v1_ParameterStats, ParameterStats__Output as _paramserve_v1_ParameterStats__Output } from './paramserve/v1/ParameterStats.js';
import type { StepEvent as _paramserve_v1_StepEvent, StepEvent__Output as _paramserve_v1_StepEvent__Output } from './paramserve/v1/StepEvent.js';
import type { Tensor as _paramserve_v1_Tensor, Tensor__Output as _paramserve_v1_Tensor__Output } from './paramserve/v1/Tensor.js';
import type { TensorStats as _paramserve_v1_TensorStats, TensorStats__Output as _paramserve_v1_TensorStats__Output } from './paramserve/v1/TensorStats.js';
import type { TrainEvent as _paramserve_v1_TrainEvent, TrainEvent__Output as _paramserve_v1_TrainEvent__Output } from './paramserve/v1/TrainEvent.js';
import type { TrainRequest as _paramserve_v1_TrainRequest, TrainRequest__Output as _paramserve_v1_TrainRequest__Output } from './paramserve/v1/TrainRequest.js';
import type { TrainingRun as _paramserve_v1_TrainingRun, TrainingRun__Output as _paramserve_v1_TrainingRun__Output } from './paramserve/v1/TrainingRun.js';
import type { ZeroGradRequest as _paramserve_v1_ZeroGradRequest, ZeroGradRequest__Output as _paramserve_v1_ZeroGradRequest__Output } from './paramserve/v1/ZeroGradRequest.js';
import type { ZeroGradResponse as _paramserve_v1_ZeroGradResponse, ZeroGradResponse__Output as _paramserve_v1_ZeroGradResponse__Output } from './paramserve/v1/ZeroGradResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  paramserve: {
    v1: {
      BackwardRequest: MessageTypeDefinition<_paramserve_v1_BackwardRequest, _paramserve_v1_BackwardRequest__Output>
      BackwardResponse: MessageTypeDefinition<_paramserve_v1_BackwardResponse, _paramserve_v1_BackwardResponse__Output>
      /**
       * Forward and backward passes, and zero_grad.
       */
      ComputeService: SubtypeConstructor<typeof grpc.Client, _paramserve_v1_ComputeServiceClient> & { service: _paramserve_v1_ComputeServiceDefinition }
      DoneEvent: MessageTypeDefinition<_paramserve_v1_DoneEvent, _paramserve_v1_DoneEvent__Output>
      EpochEvent: MessageTypeDefinition<_paramserve_v1_EpochEvent, _paramserve_v1_EpochEvent__Output>
      ForwardRequest: MessageTypeDefinition<_paramserve_v1_ForwardRequest, _paramserve_v1_ForwardRequest__Output>
      ForwardResponse: MessageTypeDefinition<_paramserve_v1_ForwardResponse, _paramserve_v1_ForwardResponse__Output>
      GetTrainingRunRequest: MessageTypeDefinition<_paramserve_v1_GetTrainingRunRequest, _paramserve_v1_GetTrainingRunRequest__Output>
      Loss: EnumTypeDefinition
      Observe: MessageTypeDefinition<_paramserve_v1_Observe, _paramserve_v1_Observe__Output>
      Optimizer: MessageTypeDefinition<_paramserve_v1_Optimizer, _paramserve_v1_Optimizer__Output>
      ParameterStats: MessageTypeDefinition<_paramserve_v1_ParameterStats, _paramserve_v1_ParameterStats__Output>
      StepEvent: MessageTypeDefinition<_paramserve_v1_StepEvent, _paramserve_v1_StepEvent__Output>
      Tensor: MessageTypeDefinition<_paramserve_v1_Tensor, _paramserve_v1_Tensor__Output>
      TensorEncoding: EnumTypeDefinition
      TensorStats: MessageTypeDefinition<_paramserve_v1_TensorStats, _paramserve_v1_TensorStats__Output>
      TrainEvent: MessageTypeDefinition<_paramserve_v1_TrainEvent, _paramserve_v1_TrainEvent__Output>
      TrainRequest: MessageTypeDefinition<_paramserve_v1_TrainRequest, _paramserve_v1_TrainRequest__Output>
      TrainingRun: MessageTypeDefinition<_paramserve_v1_TrainingRun, _paramserve_v1_TrainingRun__Output>
      ZeroGradRequest: MessageTypeDefinition<_paramserve_v1_ZeroGradRequest, _paramserve_v1_ZeroGradRequest__Output>
      ZeroGradResponse: MessageTypeDefinition<_paramserve_v1_ZeroGradResponse, _paramserve_v1_ZeroGradResponse__Output>
    }
  }
}

