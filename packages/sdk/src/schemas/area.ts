import * as z from 'zod/mini';
import { Id } from './common.js';

/** District 区 → subdistrict 街道/镇 → community 社区 → compound 小区 → building 楼栋 → unit 单元. */
export const AREA_LEVELS = ['district', 'subdistrict', 'community', 'compound', 'building', 'unit'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/**
 * The levels a problem can be reported against: from a whole community (a public square) down to a
 * unit (a stairwell). A district or subdistrict is too broad for staff to go and look.
 */
export const REPORTABLE_AREA_LEVELS: readonly AreaLevel[] = ['community', 'compound', 'building', 'unit'];

export const Area = z.object({
  id: Id,
  parentId: z.nullable(Id),
  level: z.enum(AREA_LEVELS),
  name: z.string(),
});
export type Area = z.infer<typeof Area>;

/** An area with its descendants, as `GET /v1/areas` returns the whole tree. */
export interface AreaNode extends Area {
  children: AreaNode[];
}
export const AreaNode: z.ZodMiniType<AreaNode> = z.object({
  ...Area.shape,
  get children() {
    return z.array(AreaNode);
  },
});

/** `GET /v1/areas`: the roots of the tree, each with nested children. */
export const AreaTreeResponse = z.object({ areas: z.array(AreaNode) });
/** `GET /v1/areas?parent=ID`: the direct children of one area. */
export const AreaListResponse = z.object({ areas: z.array(Area) });
