import type { OpenAPIObject } from '@nestjs/swagger';
import { problemCatalogue, PUBLIC_OPERATION } from '@slussen/core';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** RFC 9457 problem+json, as every error of the API is answered (its codes: core's and the registered contexts'). */
const problemSchema = () => ({
  type: 'object',
  description:
    'RFC 9457 problem details. `type` is `/problems/<code>`; a validation problem lists its fields in `errors`, a booking-rule problem names the rule in `rule`, an internal one carries `errorId`.',
  required: ['type', 'title', 'status', 'detail', 'instance'],
  properties: {
    type: {
      type: 'string',
      enum: problemCatalogue().codes.map((code) => `/problems/${code}`),
      example: '/problems/not-found',
    },
    title: { type: 'string' },
    status: { type: 'integer', example: 404 },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'The path of the request.' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', example: 'title' },
          message: { type: 'string' },
          code: { type: 'string', description: 'Stable per kind of error, for translating the message.' },
        },
      },
    },
    rule: {
      type: 'string',
      description:
        'booking-rule problems: the rule broken (minLeadDays, maxAdvanceDays, maxActiveBookingsPerCompany, slotStarted, slotCancelled, testbedRetired, sameTestbed).',
    },
    errorId: { type: 'string', description: 'internal problems: quote it when reporting.' },
  },
  additionalProperties: true,
});

/**
 * What the decorators cannot say: public routes need no credential (an optional
 * bearer where signing in adds to the answer), and every operation's errors are
 * problem+json.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: problemSchema() as never },
  };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as
        | (Record<string, unknown> & { security?: Array<Record<string, string[]>>; responses: Record<string, unknown> })
        | undefined;
      if (!operation) continue;
      if (operation[PUBLIC_OPERATION]) {
        delete operation[PUBLIC_OPERATION];
        const security = operation.security ?? [];
        // Anonymous is enough ({}); a bearer, when the route reads one, is still accepted.
        if (security.every((requirement) => 'bearer' in requirement))
          operation.security = security.length ? [{}, ...security] : [];
      }
      operation.responses.default ??= {
        description: 'A problem (RFC 9457): every error of the API',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
  }
  return document;
}
