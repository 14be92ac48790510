// Original file: proto/paramserve/v1/sessions.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateSessionRequest as _paramserve_v1_CreateSessionRequest, CreateSessionRequest__Output as _paramserve_v1_CreateSessionRequest__Output } from '../../paramserve/v1/CreateSessionRequest.js';
import type { CreateSessionResponse as _paramserve_v1_CreateSessionResponse, CreateSessionResponse__Output as _paramserve_v1_CreateSessionResponse__Output } from '../../paramserve/v1/CreateSessionResponse.js';
import type { DeleteSessionRequest as _paramserve_v1_DeleteSessionRequest, DeleteSessionRequest__Output as _paramserve_v1_DeleteSessionRequest__Output } from '../../paramserve/v1/DeleteSessionRequest.js';
import type { DeleteSessionResponse as _paramserve_v1_DeleteSessionResponse, DeleteSessionResponse__Output as _paramserve_v1_DeleteSessionResponse__Output } from '../../paramserve/v1/DeleteSessionResponse.js';
import type { GetSessionRequest as _paramserve_v1_GetSessionRequest, GetSessionRequest__Output as _paramserve_v1_GetSessionRequest__Output } from '../../paramserve/v1/GetSessionRequest.js';
import type { Session as _paramserve_v1_Session, Session__Output as _paramserve_v1_Session__Output } from '../../paramserve/v1/Session.js';

/**
 * Sessions: workspaces (like notebook kernels) holding named models.
 * 
 * Every call except CreateSession needs the metadata
 * `authorization: Bearer <token>`: without it UNAUTHENTICATED; with a token
 * that is not this session's NOT_FOUND, exactly as for an unknown session.
 */
export interface SessionServiceClient extends grpc.Client {
  /**
   * POST /v1/sessions
   */
  CreateSession(argument: _paramserve_v1_CreateSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _paramserve_v1_CreateSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _paramserve_v1_CreateSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _paramserve_v1_CreateSessionRequest, callback: grpc.requestCallback<_paramserve_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * POST /v1/sessions
   */
  createSession(argument: _paramserve_v1_CreateSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  createSession(argument: _paramserve_v1_CreateSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  createSession(argument: _paramserve_v1_CreateSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  createSession(argument: _paramserve_v1_CreateSessionRequest, callback: grpc.requestCallback<_paramserve_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * DELETE /v1/sessions/{id}: ends the session and deletes its models.
   */
  DeleteSession(argument: _paramserve_v1_DeleteSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  DeleteSession(argument: _paramserve_v1_DeleteSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  DeleteSession(argument: _paramserve_v1_DeleteSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  DeleteSession(argument: _paramserve_v1_DeleteSessionRequest, callback: grpc.requestCallback<_paramserve_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DELETE /v1/sessions/{id}: ends the session and deletes its models.
   */
  deleteSession(argument: _paramserve_v1_DeleteSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  deleteSession(argument: _paramserve_v1_DeleteSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  deleteSession(argument: _paramserve_v1_DeleteSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  deleteSession(argument: _paramserve_v1_DeleteSessionRequest, callback: grpc.requestCallback<_paramserve_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GET /v1/sessions/{id}
   */
  GetSession(argument: _paramserve_v1_GetSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Session__Output>): grpc.ClientUnaryCall;
  GetSession(argument: _paramserve_v1_GetSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Session__Output>): grpc.ClientUnaryCall;
  GetSession(argument: _paramserve_v1_GetSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Session__Output>): grpc.ClientUnaryCall;
  GetSession(argument: _paramserve_v1_GetSessionRequest, callback: grpc.requestCallback<_paramserve_v1_Session__Output>): grpc.ClientUnaryCall;
  /**
   * GET /v1/sessions/{id}
   */
  getSession(argument: _paramserve_v1_GetSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Session__Output>): grpc.ClientUnaryCall;
  getSession(argument: _paramserve_v1_GetSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_paramserve_v1_Session__Output>): grpc.ClientUnaryCall;
  getSession(argument: _paramserve_v1_GetSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_paramserve_v1_Session__Output>): grpc.ClientUnaryCall;
  getSession(argument: _paramserve_v1_GetSessionRequest, callback: grpc.requestCallback<_paramserve_v1_Session__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Sessions: workspaces (like notebook kernels) holding named models.
 * 
 * Every call except CreateSession needs the metadata
 * `authorization: Bearer <token>`: without it UNAUTHENTICATED; with a token
 * that is not this session's NOT_FOUND, exactly as for an unknown session.
 */
export interface SessionServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * POST /v1/sessions
   */
  CreateSession: grpc.handleUnaryCall<_paramserve_v1_CreateSessionRequest__Output, _paramserve_v1_CreateSessionResponse>;
  
  /**
   * DELETE /v1/sessions/{id}: ends the session and deletes its models.
   */
  DeleteSession: grpc.handleUnaryCall<_paramserve_v1_DeleteSessionRequest__Output, _paramserve_v1_DeleteSessionResponse>;
  
  /**
   * GET /v1/sessions/{id}
   */
  GetSession: grpc.handleUnaryCall<_paramserve_v1_GetSessionRequest__Output, _paramserve_v1_Session>;
  
}

export interface SessionServiceDefinition extends grpc.ServiceDefinition {
  CreateSession: MethodDefinition<_paramserve_v1_CreateSessionRequest, _paramserve_v1_CreateSessionResponse, _paramserve_v1_CreateSessionRequest__Output, _paramserve_v1_CreateSessionResponse__Output>
  DeleteSession: MethodDefinition<_paramserve_v1_DeleteSessionRequest, _paramserve_v1_DeleteSessionResponse, _paramserve_v1_DeleteSessionRequest__Output, _paramserve_v1_DeleteSessionResponse__Output>
  GetSession: MethodDefinition<_paramserve_v1_GetSessionRequest, _paramserve_v1_Session, _paramserve_v1_GetSessionRequest__Output, _paramserve_v1_Session__Output>
}
