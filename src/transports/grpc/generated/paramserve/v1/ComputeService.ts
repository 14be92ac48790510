// Original file: proto/paramserve/v1/compute.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BackwardRequest as _paramserve_v1_BackwardRequest, BackwardRequest__Output as _paramserve_v1_BackwardRequest__Output } from '../../paramserve/v1/BackwardRequest.js';
import type { BackwardResponse as _paramserve_v1_BackwardResponse, BackwardResponse__Output as _paramserve_v1_BackwardResponse__Output } from '../../paramserve/v1/BackwardResponse.js';
import type { ForwardRequest as _paramserve_v1_ForwardRequest, ForwardRequest__Output as _paramserve_v1_ForwardRequest__Output } from '../../paramserve/v1/ForwardRequest.js';
import type { ForwardResponse as _paramserve_v1_ForwardResponse, ForwardResponse__Output as _paramserve_v1_ForwardResponse__Output } from '../../paramserve/v1/ForwardResponse.js';
import type { GetTrainingRunRequest as _paramserve_v1_GetTrainingRunRequest, GetTrainingRunRequest__Output as _paramserve_v1_GetTrainingRunRequest__Output } from '../../paramserve/v1/GetTrainingRunRequest.js';
import type { TrainEvent as _paramserve_v1_TrainEvent, TrainEvent__Output as _paramserve_v1_TrainEvent__Output } from '../../paramserve/v1/TrainEvent.js';
import type { TrainRequest as _paramserve_v1_TrainRequest, TrainRequest__Output as _paramserve_v1_TrainRequest__Output } from '../../paramserve/v1/TrainRequest.js';
import type { TrainingRun as _paramserve_v1_TrainingRun, TrainingRun__Output as _paramserve_v1_TrainingRun__Output } from '../../paramserve/v1/TrainingRun.js';
import type { ZeroGradRequest as _paramserve_v1_ZeroGradRequest, ZeroGradRequest__Output as _paramserve_v1_ZeroGradRequest__Output } from '../../paramserve/v1/ZeroGradRequest.js';
import type { ZeroGradResponse as _paramserve_v1_ZeroGradResponse, ZeroGradResponse__Output as _paramserve_v1_ZeroGradResponse__Output } from '../../paramserve/v1/ZeroGradResponse.js';

/**
 * Forward and backward passes, and zero_grad.
 */
export interface ComputeServiceClient extends grpc.Client {
  /**
   * POST {m}/backward: forward, then backward from a loss or a grad_output; gradients accumulate as in PyTorch.
   */
  Backward(argument: _paramserve_v1_BackwardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_BackwardResponse__Output>): grpc.ClientUnaryCall;
  Backward(argument: _paramserve_v1_BackwardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_BackwardResponse__Output>): grpc.ClientUnaryCall;
  Backward(argument: _paramserve_v1_BackwardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_BackwardResponse__Output>): grpc.ClientUnaryCall;
  Backward(argument: _paramserve_v1_BackwardRequest, callback: grpc.requestCallback<_paramserve_v1_BackwardResponse__Output>): grpc.ClientUnaryCall;
  /**
   * POST {m}/backward: forward, then backward from a loss or a grad_output; gradients accumulate as in PyTorch.
   */
  backward(argument: _paramserve_v1_BackwardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_BackwardResponse__Output>): grpc.ClientUnaryCall;
  backward(argument: _paramserve_v1_BackwardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_BackwardResponse__Output>): grpc.ClientUnaryCall;
  backward(argument: _paramserve_v1_BackwardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_BackwardResponse__Output>): grpc.ClientUnaryCall;
  backward(argument: _paramserve_v1_BackwardRequest, callback: grpc.requestCallback<_paramserve_v1_BackwardResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * POST {m}/forward: net(input); changes nothing.
   */
  Forward(argument: _paramserve_v1_ForwardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ForwardResponse__Output>): grpc.ClientUnaryCall;
  Forward(argument: _paramserve_v1_ForwardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_ForwardResponse__Output>): grpc.ClientUnaryCall;
  Forward(argument: _paramserve_v1_ForwardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ForwardResponse__Output>): grpc.ClientUnaryCall;
  Forward(argument: _paramserve_v1_ForwardRequest, callback: grpc.requestCallback<_paramserve_v1_ForwardResponse__Output>): grpc.ClientUnaryCall;
  /**
   * POST {m}/forward: net(input); changes nothing.
   */
  forward(argument: _paramserve_v1_ForwardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ForwardResponse__Output>): grpc.ClientUnaryCall;
  forward(argument: _paramserve_v1_ForwardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_ForwardResponse__Output>): grpc.ClientUnaryCall;
  forward(argument: _paramserve_v1_ForwardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ForwardResponse__Output>): grpc.ClientUnaryCall;
  forward(argument: _paramserve_v1_ForwardRequest, callback: grpc.requestCallback<_paramserve_v1_ForwardResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GET {m}/train: the latest training run of the model on this server, and how far it got.
   */
  GetTrainingRun(argument: _paramserve_v1_GetTrainingRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_TrainingRun__Output>): grpc.ClientUnaryCall;
  GetTrainingRun(argument: _paramserve_v1_GetTrainingRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_TrainingRun__Output>): grpc.ClientUnaryCall;
  GetTrainingRun(argument: _paramserve_v1_GetTrainingRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_TrainingRun__Output>): grpc.ClientUnaryCall;
  GetTrainingRun(argument: _paramserve_v1_GetTrainingRunRequest, callback: grpc.requestCallback<_paramserve_v1_TrainingRun__Output>): grpc.ClientUnaryCall;
  /**
   * GET {m}/train: the latest training run of the model on this server, and how far it got.
   */
  getTrainingRun(argument: _paramserve_v1_GetTrainingRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_TrainingRun__Output>): grpc.ClientUnaryCall;
  getTrainingRun(argument: _paramserve_v1_GetTrainingRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_TrainingRun__Output>): grpc.ClientUnaryCall;
  getTrainingRun(argument: _paramserve_v1_GetTrainingRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_TrainingRun__Output>): grpc.ClientUnaryCall;
  getTrainingRun(argument: _paramserve_v1_GetTrainingRunRequest, callback: grpc.requestCallback<_paramserve_v1_TrainingRun__Output>): grpc.ClientUnaryCall;
  
  /**
   * POST {m}/train: epochs of zero_grad / forward / loss / backward / step on a thread of
   * the server's own, streaming step and epoch events, then done once the trained model is
   * stored. Every error in the request is the call's status before any event. Cancelling the
   * call cancels the run: the model then holds, stored, the state of the last completed
   * step. A run that fails later ends the stream with that error's status (MODEL_CHANGED,
   * SHUTTING_DOWN, ...). While it runs the model can be read; other writes get ABORTED
   * with reason MODEL_BUSY.
   */
  Train(argument: _paramserve_v1_TrainRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_paramserve_v1_TrainEvent__Output>;
  Train(argument: _paramserve_v1_TrainRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_paramserve_v1_TrainEvent__Output>;
  /**
   * POST {m}/train: epochs of zero_grad / forward / loss / backward / step on a thread of
   * the server's own, streaming step and epoch events, then done once the trained model is
   * stored. Every error in the request is the call's status before any event. Cancelling the
   * call cancels the run: the model then holds, stored, the state of the last completed
   * step. A run that fails later ends the stream with that error's status (MODEL_CHANGED,
   * SHUTTING_DOWN, ...). While it runs the model can be read; other writes get ABORTED
   * with reason MODEL_BUSY.
   */
  train(argument: _paramserve_v1_TrainRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_paramserve_v1_TrainEvent__Output>;
  train(argument: _paramserve_v1_TrainRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_paramserve_v1_TrainEvent__Output>;
  
  /**
   * POST {m}/zero_grad
   */
  ZeroGrad(argument: _paramserve_v1_ZeroGradRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ZeroGradResponse__Output>): grpc.ClientUnaryCall;
  ZeroGrad(argument: _paramserve_v1_ZeroGradRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_ZeroGradResponse__Output>): grpc.ClientUnaryCall;
  ZeroGrad(argument: _paramserve_v1_ZeroGradRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ZeroGradResponse__Output>): grpc.ClientUnaryCall;
  ZeroGrad(argument: _paramserve_v1_ZeroGradRequest, callback: grpc.requestCallback<_paramserve_v1_ZeroGradResponse__Output>): grpc.ClientUnaryCall;
  /**
   * POST {m}/zero_grad
   */
  zeroGrad(argument: _paramserve_v1_ZeroGradRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ZeroGradResponse__Output>): grpc.ClientUnaryCall;
  zeroGrad(argument: _paramserve_v1_ZeroGradRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_ZeroGradResponse__Output>): grpc.ClientUnaryCall;
  zeroGrad(argument: _paramserve_v1_ZeroGradRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_ZeroGradResponse__Output>): grpc.ClientUnaryCall;
  zeroGrad(argument: _paramserve_v1_ZeroGradRequest, callback: grpc.requestCallback<_paramserve_v1_ZeroGradResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Forward and backward passes, and zero_grad.
 */
export interface ComputeServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * POST {m}/backward: forward, then backward from a loss or a grad_output; gradients accumulate as in PyTorch.
   */
  Backward: grpc.handleUnaryCall<_paramserve_v1_BackwardRequest__Output, _paramserve_v1_BackwardResponse>;
  
  /**
   * POST {m}/forward: net(input); changes nothing.
   */
  Forward: grpc.handleUnaryCall<_paramserve_v1_ForwardRequest__Output, _paramserve_v1_ForwardResponse>;
  
  /**
   * GET {m}/train: the latest training run of the model on this server, and how far it got.
   */
  GetTrainingRun: grpc.handleUnaryCall<_paramserve_v1_GetTrainingRunRequest__Output, _paramserve_v1_TrainingRun>;
  
  /**
   * POST {m}/train: epochs of zero_grad / forward / loss / backward / step on a thread of
   * the server's own, streaming step and epoch events, then done once the trained model is
   * stored. Every error in the request is the call's status before any event. Cancelling the
   * call cancels the run: the model then holds, stored, the state of the last completed
   * step. A run that fails later ends the stream with that error's status (MODEL_CHANGED,
   * SHUTTING_DOWN, ...). While it runs the model can be read; other writes get ABORTED
   * with reason MODEL_BUSY.
   */
  Train: grpc.handleServerStreamingCall<_paramserve_v1_TrainRequest__Output, _paramserve_v1_TrainEvent>;
  
  /**
   * POST {m}/zero_grad
   */
  ZeroGrad: grpc.handleUnaryCall<_paramserve_v1_ZeroGradRequest__Output, _paramserve_v1_ZeroGradResponse>;
  
}

export interface ComputeServiceDefinition extends grpc.ServiceDefinition {
  Backward: MethodDefinition<_paramserve_v1_BackwardRequest, _paramserve_v1_BackwardResponse, _paramserve_v1_BackwardRequest__Output, _paramserve_v1_BackwardResponse__Output>
  Forward: MethodDefinition<_paramserve_v1_ForwardRequest, _paramserve_v1_ForwardResponse, _paramserve_v1_ForwardRequest__Output, _paramserve_v1_ForwardResponse__Output>
  GetTrainingRun: MethodDefinition<_paramserve_v1_GetTrainingRunRequest, _paramserve_v1_TrainingRun, _paramserve_v1_GetTrainingRunRequest__Output, _paramserve_v1_TrainingRun__Output>
  Train: MethodDefinition<_paramserve_v1_TrainRequest, _paramserve_v1_TrainEvent, _paramserve_v1_TrainRequest__Output, _paramserve_v1_TrainEvent__Output>
  ZeroGrad: MethodDefinition<_paramserve_v1_ZeroGradRequest, _paramserve_v1_ZeroGradResponse, _paramserve_v1_ZeroGradRequest__Output, _paramserve_v1_ZeroGradResponse__Output>
}
