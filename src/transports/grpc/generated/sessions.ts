import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateSessionRequest as _paramserve_v1_CreateSessionRequest, CreateSessionRequest__Output as _paramserve_v1_CreateSessionRequest__Output } from './paramserve/v1/CreateSessionRequest.js';
import type { CreateSessionResponse as _paramserve_v1_CreateSessionResponse, CreateSessionResponse__Output as _paramserve_v1_CreateSessionResponse__Output } from './paramserve/v1/CreateSessionResponse.js';
import type { DeleteSessionRequest as _paramserve_v1_DeleteSessionRequest, DeleteSessionRequest__Output as _paramserve_v1_DeleteSessionRequest__Output } from './paramserve/v1/DeleteSessionRequest.js';
import type { DeleteSessionResponse as _paramserve_v1_DeleteSessionResponse, DeleteSessionResponse__Output as _paramserve_v1_DeleteSessionResponse__Output } from './paramserve/v1/DeleteSessionResponse.js';
import type { GetSessionRequest as _paramserve_v1_GetSessionRequest, GetSessionRequest__Output as _paramserve_v1_GetSessionRequest__Output } from './paramserve/v1/GetSessionRequest.js';
import type { Session as _paramserve_v1_Session, Session__Output as _paramserve_v1_Session__Output } from './paramserve/v1/Session.js';
import type { SessionServiceClient as _paramserve_v1_SessionServiceClient, SessionServiceDefinition as _paramserve_v1_SessionServiceDefinition } from './paramserve/v1/SessionService.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  paramserve: {
    v1: {
      CreateSessionRequest: MessageTypeDefinition<_paramserve_v1_CreateSessionRequest, _paramserve_v1_CreateSessionRequest__Output>
      CreateSessionResponse: MessageTypeDefinition<_paramserve_v1_CreateSessionResponse, _paramserve_v1_CreateSessionResponse__Output>
      DeleteSessionRequest: MessageTypeDefinition<_paramserve_v1_DeleteSessionRequest, _paramserve_v1_DeleteSessionRequest__Output>
      DeleteSessionResponse: MessageTypeDefinition<_paramserve_v1_DeleteSessionResponse, _paramserve_v1_DeleteSessionResponse__Output>
      GetSessionRequest: MessageTypeDefinition<_paramserve_v1_GetSessionRequest, _paramserve_v1_GetSessionRequest__Output>
      Session: MessageTypeDefinition<_paramserve_v1_Session, _paramserve_v1_Session__Output>
      /**
       * Sessions: workspaces (like notebook kernels) holding named models.
       * 
       * Every call except CreateSession needs the metadata
       * `authorization: Bearer <token>`: without it UNAUTHENTICATED; with a token
       * that is not this session's NOT_FOUND, exactly as for an unknown session.
       */
      SessionService: SubtypeConstructor<typeof grpc.Client, _paramserve_v1_SessionServiceClient> & { service: _paramserve_v1_SessionServiceDefinition }
    }
  }
}

