/** Helpers the volunteering suites share: make a team, sign a volunteer up, log and review hours. */
import assert from 'node:assert/strict';
import type { HoursEntry, StaffHoursEntry, VolunteerSignupResult } from '@doorstep/sdk';
import { staffHeaders, type AppContext } from './harness.js';

export const STAFF = staffHeaders('volunteering');

let sequence = 0;
/** A mainland mobile number no other call returns in this process. */
export function uniquePhone(): string {
  return `137${String(process.pid % 10_000).padStart(4, '0')}${String(++sequence).padStart(4, '0')}`;
}

/** `Authorization` for a volunteer's access key. */
export const asVolunteer = (accessKey: string) => ({ authorization: `Volunteer ${accessKey}` });

/** A new team (via the staff API) with two activity types, in `community` (c-2 by default: the seed's c-1 stays apart). */
export async function makeTeam(ctx: AppContext, id: string, community = 'c-2'): Promise<void> {
  const res = await ctx.post(
    '/v1/staff/volunteering/teams',
    {
      id,
      communityId: community,
      name: { 'zh-CN': `测试队 ${id}`, en: `Test team ${id}` },
      activityTypes: [
        { key: 'visit', name: { 'zh-CN': '上门探访', en: 'Visit' } },
        { key: 'patrol', name: { 'zh-CN': '巡逻', en: 'Patrol' } },
      ],
    },
    STAFF,
  );
  assert.equal(res.status, 201, await res.clone().text());
}

/** Signs a volunteer up to `teamIds`; resolves to the answer with the access key. */
export async function signUp(ctx: AppContext, teamIds: string[], name = '测试志愿者'): Promise<VolunteerSignupResult> {
  const res = await ctx.post('/v1/volunteering/volunteers', { name, phone: uniquePhone(), teamIds, consent: true });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as VolunteerSignupResult;
}

/** Logs an entry and asserts it was accepted. */
export async function logHours(ctx: AppContext, accessKey: string, body: Record<string, unknown>): Promise<HoursEntry> {
  const res = await ctx.post('/v1/volunteering/me/entries', body, asVolunteer(accessKey));
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as HoursEntry;
}

export async function staffAction(ctx: AppContext, id: string, action: 'approve' | 'reject' | 'edit', body: Record<string, unknown> = {}) {
  return ctx.post(`/v1/staff/volunteering/entries/${id}/${action}`, body, STAFF);
}

/** Approves an entry and asserts it worked. */
export async function approve(ctx: AppContext, id: string): Promise<StaffHoursEntry> {
  const res = await staffAction(ctx, id, 'approve');
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as StaffHoursEntry;
}

/** Logs an entry of `hours` on `date` for the volunteer and approves it. */
export async function approvedHours(ctx: AppContext, accessKey: string, teamId: string, date: string, hours: number): Promise<HoursEntry> {
  const entry = await logHours(ctx, accessKey, { teamId, activityType: 'visit', date, hours });
  await approve(ctx, entry.id);
  return entry;
}
