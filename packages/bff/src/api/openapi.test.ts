import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type contract, createOpenApiDocument, errorsOf, openApiPath, routes } from '@mandarin-kit/core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiFiles } from '../../../core/src/api/apiReference.js';

// The browser API's OpenAPI document, generated from core's route table: valid OpenAPI 3.1, complete, and the
// same as the committed docs/openapi.json and docs/api-reference.md (`pnpm openapi` writes them).

type Json = Record<string, unknown>;
const document = createOpenApiDocument() as Json & { paths: Record<string, Record<string, Json>> };
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method, op })),
);

/** Every `$ref` in `value`, anywhere. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === '$ref' && typeof v === 'string' ? [v] : refs(v),
  );
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\.1\./);
  });

  it('has every route of the table once, under a unique operationId', () => {
    expect(operations.map((o) => o.op.operationId).sort()).toEqual(Object.keys(routes).sort());
    for (const [name, route] of Object.entries(routes)) {
      expect(document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()]?.operationId).toBe(name);
    }
  });

  it('declares every path parameter of every template, and no other', () => {
    for (const { path, op } of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = ((op.parameters ?? []) as Json[]).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name)).toEqual(inPath);
      for (const p of declared) expect(p.required).toBe(true);
    }
  });

  it('resolves every $ref to a schema of the document', () => {
    const schemas = (document.components as { schemas: Json }).schemas;
    const all = refs(document);
    expect(all.length).toBeGreaterThan(50);
    for (const ref of all) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
  });

  it('gives every answer a body schema (204 none), every error the error body, and the route’s error codes', () => {
    for (const { op } of operations) {
      const name = op.operationId as keyof typeof contract;
      const responses = op.responses as Record<string, { content?: Record<string, { schema?: Json }> }>;
      for (const [status, response] of Object.entries(responses)) {
        if (status === '204') {
          expect(response.content).toBeUndefined();
          continue;
        }
        const media = Object.values(response.content ?? {});
        expect(media, `${name} ${status}`).toHaveLength(1);
        expect(media[0]!.schema, `${name} ${status}`).toBeDefined();
        if (Number(status) >= 400)
          expect(media[0]!.schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
      }
      const described = Object.entries(responses)
        .filter(([status]) => Number(status) >= 400)
        .map(([, r]) => JSON.stringify(r));
      for (const code of errorsOf(name)) expect(described.join(' '), `${name} ${code}`).toContain(code);
    }
  });

  it('asks for an Idempotency-Key where the route needs one, and a body where it takes one', () => {
    for (const [name, route] of Object.entries(routes) as [string, (typeof routes)[keyof typeof routes]][]) {
      const op = document.paths[openApiPath(route.path)]![route.method.toLowerCase()]!;
      const key = ((op.parameters ?? []) as Json[]).find((p) => p.name === 'Idempotency-Key');
      const wanted = 'idempotent' in route ? route.idempotent : undefined;
      expect({ name, key: key?.required }).toEqual({
        name,
        key: wanted === undefined ? undefined : wanted === true,
      });
      expect({ name, body: op.requestBody !== undefined }).toEqual({ name, body: 'body' in route });
    }
  });

  it('is what docs/openapi.json and docs/api-reference.md hold (run `pnpm openapi` after changing the table)', () => {
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    for (const [path, text] of Object.entries(openApiFiles())) {
      expect(readFileSync(`${root}${path}`, 'utf8'), `${path} is stale: run pnpm openapi`).toBe(text);
    }
  });
});
