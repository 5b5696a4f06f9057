import { z } from 'zod';
import { errorBodySchema } from '../errors/errorBody.js';
import type { ErrorCode } from '../errors/errorCodes.js';
import { espKycInputSchema } from '../kyc/espKycInput.js';
import * as bodies from './bodies.js';
import * as cards from './cards.js';
import { meViewSchema } from './common.js';
import { contract } from './contract.js';
import * as operations from './operations.js';
import * as payments from './payments.js';
import { type AnswerSpec, type AnyRouteSpec, bodyErrors, commonErrors, errorStatuses } from './routeSpec.js';
import { type RouteName, routes } from './routes.js';
import * as wallets from './wallets.js';

// The OpenAPI 3.1 document of the browser API, generated from the route table (`routes.ts` + `contract.ts`) with
// zod's JSON Schema output: what a mobile app or a page without the React kit needs to call the BFF.

/** A JSON value of the document. */
export type OpenApiDocument = Record<string, unknown> & { openapi: '3.1.1'; paths: Record<string, unknown> };

type JsonSchema = Record<string, unknown>;

// Component names of the shared schemas: `FooViewSchema` → `FooView`, `fooBodySchema` → `FooBody`.
function named(modules: object[]): Array<[z.ZodType, string]> {
  const found: Array<[z.ZodType, string]> = [];
  for (const module of modules) {
    for (const [key, value] of Object.entries(module)) {
      if (!(value instanceof z.ZodType) || !/(View|Body)Schema$/.test(key)) continue;
      found.push([value, key.charAt(0).toUpperCase() + key.slice(1, -'Schema'.length)]);
    }
  }
  // Sorted: a module namespace lists its exports in an order that differs between loaders.
  return found.sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const MEDIA_JSON = 'application/json';

/** `/api/wallets/:walletId` → `/api/wallets/{walletId}`. */
export function openApiPath(template: string): string {
  return template.replace(/:(\w+)/g, '{$1}');
}

function componentSchemas(
  entries: Array<[z.ZodType, string]>,
  io: 'input' | 'output',
): { ref: Map<z.ZodType, string>; schemas: Record<string, JsonSchema> } {
  const registry = z.registry<{ id: string }>();
  const ref = new Map<z.ZodType, string>();
  const taken = new Set<string>();
  for (const [schema, name] of entries) {
    if (ref.has(schema) || taken.has(name)) continue;
    registry.add(schema, { id: name });
    ref.set(schema, `#/components/schemas/${name}`);
    taken.add(name);
  }
  const out = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (name) => `#/components/schemas/${name}`,
  }).schemas as Record<string, JsonSchema>;
  const schemas: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(out)) {
    const { $schema: _schema, $id: _id, ...rest } = schema;
    schemas[name] = rest;
  }
  return { ref, schemas };
}

function inline(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

function errorDescription(codes: readonly ErrorCode[]): string {
  return `The error body, \`error.code\` ${codes.join(' or ')}`;
}

/** Every error code route `name` may answer: its own, those of every route, and those of a call with a body. */
export function errorsOf(name: RouteName): ErrorCode[] {
  const spec = contract[name] as AnyRouteSpec;
  const all = new Set<ErrorCode>([...spec.errors, ...commonErrors]);
  if (spec.access === 'public') all.delete('UNAUTHENTICATED');
  if (routes[name].method !== 'GET') all.add('CSRF_REQUIRED');
  if (spec.body !== undefined) for (const code of bodyErrors) all.add(code);
  return [...all];
}

/** The OpenAPI 3.1 document of the browser API, generated from the route table. */
export function createOpenApiDocument(): OpenApiDocument {
  const responseNames: Array<[z.ZodType, string]> = [
    [errorBodySchema, 'ErrorBody'],
    [meViewSchema, 'MeView'],
    ...named([wallets, operations, payments, cards]),
  ];
  const requestNames: Array<[z.ZodType, string]> = [
    [espKycInputSchema, 'EspKycInputBody'],
    // In requests and in the views that echo them alike.
    [payments.routingEntryBodySchema, 'RoutingEntryBody'],
    ...named([bodies]),
  ];
  const output = componentSchemas(responseNames, 'output');
  const input = componentSchemas(requestNames, 'input');
  const clash = Object.keys(input.schemas).filter(
    (name) =>
      name in output.schemas && JSON.stringify(input.schemas[name]) !== JSON.stringify(output.schemas[name]),
  );
  if (clash.length > 0)
    throw new Error(`Schemas named twice, read and written differently: ${clash.join(', ')}`);
  const schemaRef = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const found = (io === 'input' ? input : output).ref.get(schema);
    return found === undefined ? inline(schema, io) : { $ref: found };
  };

  const answer = (spec: AnswerSpec, status: number): Record<string, unknown> => {
    if (spec === null) return { description: 'No content' };
    if (spec instanceof z.ZodType) {
      return {
        description:
          status === 201 ? 'Created' : status === 202 ? 'Accepted: the outcome is not known yet' : 'OK',
        content: { [MEDIA_JSON]: { schema: schemaRef(spec, 'output') } },
      };
    }
    return { description: spec.description, content: { [spec.contentType]: { schema: { type: 'string' } } } };
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(routes) as RouteName[]) {
    const route = routes[name];
    const spec = contract[name] as AnyRouteSpec;
    const parameters: unknown[] = [];
    for (const [param, p] of Object.entries(spec.params ?? {})) {
      parameters.push({
        name: param,
        in: 'path',
        required: true,
        description: `The ${p.what.toLowerCase()}'s id; an unknown one, or another user's, is 404 NOT_FOUND`,
        schema: inline(p.schema, 'input'),
      });
    }
    if (spec.query !== undefined) {
      const query = inline(spec.query, 'input') as {
        properties?: Record<string, JsonSchema>;
        required?: string[];
      };
      for (const [param, { description, ...schema }] of Object.entries(query.properties ?? {})) {
        parameters.push({
          name: param,
          in: 'query',
          required: query.required?.includes(param) ?? false,
          ...(typeof description === 'string' ? { description } : {}),
          schema,
        });
      }
    }
    if (route.method !== 'GET') {
      parameters.push({
        name: 'X-CSRF',
        in: 'header',
        required: true,
        description: 'Must be `1` on every state-changing call',
        schema: { type: 'string', const: '1' },
      });
    }
    const key: true | 'optional' | undefined = 'idempotent' in route ? route.idempotent : undefined;
    if (key !== undefined) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: key === true,
        description:
          key === true
            ? 'The user action this call belongs to: the same key on a retry performs it at most once (and answers again what it answered)'
            : 'Accepted and not needed: a repeated decision is refused with 409 CONFLICT',
        schema: { type: 'string', pattern: '^[\\w-]{8,128}$' },
      });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, spec_] of Object.entries(spec.responses))
      responses[status] = answer(spec_, Number(status));
    const byStatus = new Map<number, ErrorCode[]>();
    for (const code of errorsOf(name)) {
      for (const status of errorStatuses[code]) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
    for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
      responses[String(status)] = {
        description: errorDescription(codes),
        content: { [MEDIA_JSON]: { schema: { $ref: '#/components/schemas/ErrorBody' } } },
      };
    }
    const access =
      spec.access === 'operator'
        ? 'Operators only (others: 403 FORBIDDEN).'
        : spec.access === 'public'
          ? 'Anyone: no session needed.'
          : 'Any signed-in user (a new anonymous session is made when there is none).';
    const operation: Record<string, unknown> = {
      operationId: name,
      summary: spec.summary,
      description: [spec.description, access].filter(Boolean).join('\n\n'),
      tags: [spec.tag],
      'x-access': spec.access,
      ...(key === true ? { 'x-idempotent': true } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(spec.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: { [MEDIA_JSON]: { schema: schemaRef(spec.body, 'input') } },
            },
          }),
      responses,
      ...(spec.access === 'public' ? { security: [] } : {}),
    };
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }

  return {
    openapi: '3.1.1',
    info: {
      title: 'Mandarin Kit browser API',
      version: '0.1.0',
      description:
        'The API the Mandarin Kit BFF offers to browsers (and mobile apps): wallets, payouts, payments, cards. ' +
        'Sessions are a cookie; every state-changing call carries `X-CSRF: 1`; a call that moves money carries ' +
        'an `Idempotency-Key`. Money is always a string of two decimals (`"5000.00"`), never a JSON number. ' +
        'Every error answer has the body `ErrorBody`. Live updates arrive on `GET /api/events` (server-sent events).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags: [...new Set(Object.values(contract).map((s) => s.tag))].map((tag) => ({ name: tag })),
    paths,
    components: {
      schemas: Object.fromEntries(
        Object.entries({ ...output.schemas, ...input.schemas }).sort(([a], [b]) =>
          a < b ? -1 : a > b ? 1 : 0,
        ),
      ),
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'mk_session',
          description: 'The BFF’s session cookie (set on the first answer), or the host’s own sign-in',
        },
      },
    },
    security: [{ session: [] }],
  };
}
