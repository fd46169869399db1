/**
 * The tenant's REST API as OpenAPI 3.1, generated from its published entities:
 * one schema per entity from the same field → JSON Schema mapping the save
 * pipeline validates with, so the document cannot drift from the server.
 */
import type { CompiledApp, TenantSettings } from '../runtime/definitions/compiledTypes.js';
import { fieldValueSchema, isComputed } from '../runtime/definitions/recordSchema.js';
import { MAX_PAGE_SIZE } from '../runtime/records/listRecords.js';

type Json = Record<string, unknown>;

const errorRef = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorRef } } });
const json = (schema: Json) => ({ 'application/json': { schema } });

function entitySchemas(app: CompiledApp): Json {
  const schemas: Json = {
    Error: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message', 'details'],
          properties: {
            code: { type: 'string' },
            message: { type: 'string' },
            details: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
  };
  for (const entity of app.entities.values()) {
    const input: Json = {};
    const output: Json = {
      id: { type: 'string', readOnly: true },
      version: { type: 'integer', readOnly: true },
      createdAt: { type: 'string', format: 'date-time', readOnly: true },
      updatedAt: { type: 'string', format: 'date-time', readOnly: true },
    };
    for (const field of entity.fields.values()) {
      const schema = { ...fieldValueSchema(field), title: field.label.en, description: field.label['zh-CN'] };
      if (isComputed(field)) output[field.name] = { ...schema, readOnly: true };
      else {
        input[field.name] = schema;
        output[field.name] = schema;
      }
    }
    if (entity.definition.hasOwner) {
      input.owner = { type: ['string', 'null'], description: 'user id of the owner' };
      output.owner = input.owner;
    }
    const required = entity.definition.fields.filter((f) => f.required && !f.archived && !isComputed(f)).map((f) => f.name);
    const name = entity.name[0].toUpperCase() + entity.name.slice(1);
    schemas[name] = { type: 'object', title: entity.definition.label.en, properties: output };
    schemas[`${name}Input`] = { type: 'object', properties: input, required, additionalProperties: false };
    schemas[`${name}Patch`] = { type: 'object', properties: { ...input, version: { type: 'integer' } }, required: ['version'], additionalProperties: false };
  }
  return schemas;
}

export function openApiDocument(tenant: TenantSettings, app: CompiledApp): Json {
  const paths: Json = {};
  for (const entity of app.entities.values()) {
    const name = entity.name[0].toUpperCase() + entity.name.slice(1);
    const ref = { $ref: `#/components/schemas/${name}` };
    const tag = entity.definition.label.en;
    const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
    paths[`/api/t/${tenant.id}/records/${entity.name}`] = {
      get: {
        tags: [tag],
        summary: `List ${entity.definition.label.en}`,
        parameters: [
          { name: 'filter', in: 'query', schema: { type: 'string' }, description: 'MongoDB filter document (JSON) over the entity\'s fields' },
          { name: 'sort', in: 'query', schema: { type: 'string' }, description: 'comma-separated fields, "-" for descending' },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE } },
          { name: 'q', in: 'query', schema: { type: 'string' }, description: `text in ${entity.titleField}` },
        ],
        responses: {
          200: { description: 'one page', content: json({ type: 'object', properties: { items: { type: 'array', items: ref }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } } }) },
          400: errorResponse('bad filter, sort or paging'),
        },
      },
      post: {
        tags: [tag],
        summary: `Create a ${entity.definition.label.en}`,
        requestBody: { required: true, content: json({ $ref: `#/components/schemas/${name}Input` }) },
        responses: { 201: { description: 'created', content: json(ref) }, 400: errorResponse('malformed body'), 409: errorResponse('duplicate'), 422: errorResponse('invalid record') },
      },
    };
    paths[`/api/t/${tenant.id}/records/${entity.name}/{id}`] = {
      get: { tags: [tag], parameters: [idParam], responses: { 200: { description: 'the record', content: json(ref) }, 404: errorResponse('not found') } },
      patch: {
        tags: [tag],
        parameters: [idParam],
        requestBody: { required: true, content: json({ $ref: `#/components/schemas/${name}Patch` }) },
        responses: { 200: { description: 'updated', content: json(ref) }, 404: errorResponse('not found'), 409: errorResponse('stale version'), 422: errorResponse('invalid record') },
      },
      delete: {
        tags: [tag],
        parameters: [idParam, { name: 'version', in: 'query', schema: { type: 'integer' } }],
        responses: { 204: { description: 'deleted' }, 404: errorResponse('not found'), 409: errorResponse('stale version or still referenced') },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: `${tenant.label} API`, version: String(app.version), description: `Generated from published definitions version ${app.version}.` },
    paths,
    components: { schemas: entitySchemas(app) },
  };
}
