import { ServiceRequestCreate, ServiceRequestPublic, normalizeTrackingCode } from '../schemas/index.js';
import { check, signalOf, type CallOptions, type CreateOptions, type Transport } from '../transport.js';

export function requestsResource({ call, createInit }: Transport) {
  return {
    /** Reports a problem. Resolves to the public view with the tracking code. */
    async create(input: ServiceRequestCreate, opts: CreateOptions = {}) {
      const body = check(ServiceRequestCreate, input, 'request');
      return call(ServiceRequestPublic, 'v1/requests', createInit(body, opts));
    },
    /** Looks a request up by its tracking code (case and spacing are forgiven). */
    async get(code: string, opts: CallOptions = {}) {
      return call(ServiceRequestPublic, `v1/requests/${encodeURIComponent(normalizeTrackingCode(code))}`, signalOf(opts));
    },
  };
}
