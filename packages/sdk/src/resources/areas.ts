import { AreaListResponse, AreaTreeResponse, type Area, type AreaNode } from '../schemas/index.js';
import { signalOf, type CallOptions, type Transport } from '../transport.js';

export function areasResource({ call }: Transport) {
  function list(opts?: CallOptions): Promise<AreaNode[]>;
  function list(opts: CallOptions & { parent: string }): Promise<Area[]>;
  async function list(opts: CallOptions & { parent?: string } = {}): Promise<Area[] | AreaNode[]> {
    if (opts.parent === undefined) return (await call(AreaTreeResponse, 'v1/areas', signalOf(opts))).areas;
    return (await call(AreaListResponse, 'v1/areas', { ...signalOf(opts), searchParams: { parent: opts.parent } })).areas;
  }
  return {
    /** The whole area tree (district → … → building), or with `parent` that area's direct children. */
    list,
  };
}
