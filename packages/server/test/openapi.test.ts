import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import * as z from 'zod/mini';
import { ServiceRequestCreate } from '@doorstep/sdk';
import { createApp, type Database } from '../src/index.js';
import { testConfig } from './harness.js';

type Doc = {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown>; parameters?: { name: string }[] }>>;
  components: { schemas: Record<string, Record<string, unknown>>; responses: Record<string, unknown> };
};

let doc: Doc;
before(async () => {
  // The document needs no database.
  const res = await createApp({ db: {} as Database, config: testConfig() }).request('/openapi.json');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  doc = (await res.json()) as Doc;
});

test('it is an OpenAPI 3.1 document with the package version', () => {
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.info.version, '0.1.0');
});

test('every route the app serves is described with its method, and nothing else', () => {
  // Compared with the app's own routing table, so a new route without a description fails here.
  const app = createApp({ db: {} as Database, config: testConfig() });
  const served = app.routes
    .filter((route) => route.method !== 'ALL' && route.path !== '/openapi.json')
    .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
  const described = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
  assert.deepEqual([...new Set(described)].sort(), [...new Set(served)].sort());
  for (const core of ['GET /healthz', 'GET /v1/areas', 'GET /v1/categories', 'POST /v1/requests', 'GET /v1/requests/{code}']) {
    assert.ok(described.includes(core), core);
  }
});

test('the schemas are generated from the SDK, including the error body and the recursive area node', () => {
  const { schemas } = doc.components;
  for (const name of ['ApiErrorBody', 'AreaNode', 'AreaTreeResponse', 'AreaListResponse', 'Category', 'CategoryListResponse', 'ServiceRequestCreate', 'ServiceRequestPublic']) {
    assert.ok(schemas[name], name);
    assert.equal(schemas[name]!.$schema, undefined, `${name} has no per-schema dialect`);
  }
  const { $schema: _dialect, ...expected } = z.toJSONSchema(ServiceRequestCreate, { io: 'input' });
  assert.deepEqual(schemas.ServiceRequestCreate, expected, 'identical to what zod generates from the SDK schema');
  const areaNode = schemas.AreaNode as { properties: { children: { items: unknown } } };
  assert.deepEqual(areaNode.properties.children.items, { $ref: '#/components/schemas/AreaNode' });
  const error = schemas.ApiErrorBody as { properties: { error: { required: string[] } } };
  assert.deepEqual(error.properties.error.required, ['code', 'message']);
  assert.doesNotMatch(JSON.stringify(doc), /"\$ref":"#\/\$defs|__schema/, 'every reference resolves inside components');
});

test('each route names its request body, success response and error responses', () => {
  const create = doc.paths['/v1/requests']!.post!;
  assert.deepEqual(create.requestBody, {
    required: true,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ServiceRequestCreate' } } },
  });
  const created = create.responses['201'] as { content: unknown; headers: Record<string, unknown> };
  assert.deepEqual(created.content, { 'application/json': { schema: { $ref: '#/components/schemas/ServiceRequestPublic' } } });
  assert.ok(created.headers['Idempotent-Replayed']);
  assert.ok(create.parameters?.some((p) => p.name === 'Idempotency-Key'));
  for (const status of ['400', '413', '415', '422', '500']) {
    assert.deepEqual(create.responses[status], { $ref: `#/components/responses/Error${status}` }, status);
  }
  assert.deepEqual(
    (doc.components.responses.Error422 as { content: unknown }).content,
    { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBody' } } },
  );
  const get = doc.paths['/v1/requests/{code}']!.get!;
  assert.ok(get.responses['200'] && get.responses['404']);
  assert.ok(doc.paths['/v1/areas']!.get!.parameters?.some((p) => p.name === 'parent'));
});
