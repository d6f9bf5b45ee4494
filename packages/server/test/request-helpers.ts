/**
 * Helpers for the request workflow suites: an app whose clock the test moves, and short ways to
 * report, act as staff, and act as the resident.
 */
import { before } from 'node:test';
import type { Hono } from 'hono';
import type { ServiceRequestPublic, ServiceRequestStaff, StaffRole } from '@doorstep/sdk';
import { createApp } from '../src/index.js';
import { staffHeaders, testConfig, uniqueDescription, type AppContext } from './harness.js';
import type { ServerConfig } from '../src/config.js';

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export const CONSENT = { privacyNoticeVersion: '2026-01' };

/** A clock a test sets: `clock.now = …`, `clock.advance(ms)`. */
export class TestClock {
  now: Date;
  constructor(start: string) {
    this.now = new Date(start);
  }
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
  readonly read = () => this.now;
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/** The suite's app on `ctx.db`, with `clock` as its time (created once the database is open). */
export function useClockedApp(ctx: AppContext, clock: TestClock, overrides: Partial<ServerConfig> = {}) {
  let app: Hono | undefined;
  before(() => {
    app = createApp({ db: ctx.db, config: testConfig(overrides), clock: clock.read });
  });
  const request = async (path: string, init: RequestInit = {}): Promise<Response> => {
    if (!app) throw new Error('the app is created in before()');
    return app.request(path, init);
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return {
    request,
    post,
    /** Reports a problem (public-light in b-1 unless overridden); resolves to the public view. */
    async report(overrides: Record<string, unknown> = {}): Promise<ServiceRequestPublic> {
      const res = await post('/v1/requests', { categoryId: 'public-light', areaId: 'b-1', description: uniqueDescription('楼道灯不亮'), ...overrides });
      if (res.status !== 201) throw new Error(`report failed: ${res.status} ${await res.text()}`);
      return (await res.json()) as ServiceRequestPublic;
    },
    /** A staff POST (`accept`, `resolve`, …) with the `requests` token unless told otherwise. */
    staff: (code: string, action: string, body: unknown = {}, role: StaffRole = 'requests', headers: Record<string, string> = {}) =>
      post(`/v1/staff/requests/${code}/${action}`, body, { ...staffHeaders(role), ...headers }),
    async staffGet(code: string): Promise<ServiceRequestStaff> {
      return (await (await request(`/v1/staff/requests/${code}`, { headers: staffHeaders('requests') })).json()) as ServiceRequestStaff;
    },
    async publicGet(code: string): Promise<ServiceRequestPublic> {
      return (await (await request(`/v1/requests/${code}`)).json()) as ServiceRequestPublic;
    },
  };
}

/** The staff steps that bring a new request to each status. */
export const PATH_TO: Record<string, Array<[string, Record<string, string>]>> = {
  submitted: [],
  accepted: [['accept', {}]],
  in_progress: [['accept', {}], ['start', {}]],
  resolved: [['accept', {}], ['start', {}], ['resolve', { note: '已更换灯泡' }]],
  rejected: [['reject', { reason: '不属于社区管理范围' }]],
  closed: [['reject', { reason: '不属于社区管理范围' }], ['close', {}]],
};
