/** The OpenAPI document is valid OpenAPI 3.1 and has an operation for every command type, with core's schema as its body. */
import { validate } from '@readme/openapi-parser';
import { COMMAND_TYPES } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../api/openapi.js';

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId?: string; requestBody?: { content: Record<string, { schema: { properties: Record<string, { required?: string[] }> } }> }; responses: Record<string, unknown> }>> };

describe('the OpenAPI document', () => {
  const doc = openApiDocument() as unknown as Doc;

  it('is valid OpenAPI 3.1', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect('errors' in result ? result.errors : []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('has one POST per command type, with the command data schema and every refusal status', () => {
    const operations = Object.values(doc.paths).flatMap((p) => (p.post?.operationId ? [p.post] : []));
    expect(operations.map((o) => o.operationId).sort()).toEqual([...COMMAND_TYPES].sort());
    const propose = doc.paths['/api/complaints/{complaintId}/propose-resolution']?.post;
    const data = propose?.requestBody?.content['application/json']?.schema.properties.data;
    expect(data?.required).toEqual(['remedy', 'agreedDeadline']);
    expect(Object.keys(propose?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '403', '404', '409', '412', '422']));
  });
});
