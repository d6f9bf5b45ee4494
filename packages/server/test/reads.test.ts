import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AreaListResponse, AreaTreeResponse, CategoryListResponse, type AreaNode } from '@doorstep/sdk';
import { forEachBackend, useApp } from './harness.js';

function findNode(nodes: AreaNode[], id: string): AreaNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

forEachBackend('areas and categories', (backend) => {
  const ctx = useApp(backend);

  test('GET /v1/areas is the whole tree from the district down, matching the SDK schema', async () => {
    const res = await ctx.request('/v1/areas');
    assert.equal(res.status, 200);
    const { areas } = AreaTreeResponse.parse(await res.json());
    assert.equal(areas.length, 1);
    const district = areas[0]!;
    assert.deepEqual([district.name, district.level, district.parentId], ['幸福区', 'district', null]);
    const subdistrict = district.children[0]!;
    assert.equal(subdistrict.name, '和平街道');
    assert.deepEqual(subdistrict.children.map((c) => c.name), ['幸福里社区', '光明社区']);
    const garden = findNode(areas, 'cp-1');
    assert.equal(garden?.name, '幸福花园');
    assert.deepEqual(garden?.children.map((b) => b.name), ['1号楼', '2号楼', '3号楼']);
    assert.deepEqual(findNode(areas, 'b-1')?.children.map((u) => u.level), ['unit', 'unit']);
  });

  test('GET /v1/areas?parent=ID lists only the direct children, without nesting', async () => {
    const res = await ctx.request('/v1/areas?parent=c-1');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { areas: Record<string, unknown>[] };
    const { areas } = AreaListResponse.parse(body);
    assert.deepEqual(areas.map((a) => a.name), ['幸福花园', '阳光小区', '和谐家园']);
    assert.ok(areas.every((a) => a.parentId === 'c-1' && a.level === 'compound'));
    assert.ok(body.areas.every((a) => !('children' in a)), 'a flat list');
  });

  test('a leaf parent has no children; an unknown parent is 404; an empty one is 400', async () => {
    const leaf = await ctx.request('/v1/areas?parent=b-14');
    assert.equal(leaf.status, 200);
    assert.deepEqual(await leaf.json(), { areas: [] });

    const unknown = await ctx.request('/v1/areas?parent=nowhere', { headers: { 'accept-language': 'en' } });
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), { error: { code: 'not_found', message: 'This area does not exist.' } });

    const empty = await ctx.request('/v1/areas?parent=');
    assert.equal(empty.status, 400);
    const body = (await empty.json()) as { error: { code: string; fields: Record<string, string> } };
    assert.equal(body.error.code, 'validation_failed');
    assert.ok(body.error.fields.parent);
  });

  test('GET /v1/categories lists the eight seeded categories with names in three locales', async () => {
    const res = await ctx.request('/v1/categories');
    assert.equal(res.status, 200);
    const { categories } = CategoryListResponse.parse(await res.json());
    assert.deepEqual(
      categories.map((c) => c.id),
      ['public-light', 'door-lock', 'water-leak', 'facade', 'parking', 'sanitation', 'neighbour-dispute', 'other'],
    );
    const light = categories[0]!;
    assert.deepEqual(light.name, { 'zh-CN': '公共照明', 'zh-TW': '公共照明', en: 'Public lighting' });
    assert.match(light.description?.['zh-CN'] ?? '', /楼道灯/);
    const dispute = categories.find((c) => c.id === 'neighbour-dispute');
    assert.equal(dispute?.allowAnonymous, false);
    assert.equal(light.allowAnonymous, true);
  });
});
