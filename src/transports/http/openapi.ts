import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';

/** The OpenAPI document's frame; paths and schemas come from the route schemas themselves. */
export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'paramserve',
      version: '0.1.0',
      description:
        "Neural-network models in per-client sessions, built, inspected and changed the way a PyTorch user does in a notebook. Every number and name is PyTorch's. Errors are application/problem+json with a stable `code`.",
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The session token from POST /v1/sessions' } } },
    tags: [
      { name: 'sessions' },
      { name: 'models' },
      { name: 'parameters' },
      { name: 'state_dict' },
      { name: 'compute' },
      { name: 'operations' },
    ],
  },
  refResolver: {
    buildLocalReference(json, _baseUri, _fragment, i) {
      return typeof json.$id === 'string' ? json.$id : `def-${i}`;
    },
  },
};
