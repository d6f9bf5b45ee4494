import { randomUUID } from 'node:crypto';
import { COMMUNITY_TIME_ZONE, addDays, calendarDateOf, zonedInstant } from '@doorstep/sdk';
import { phoneKey } from '../phone-key.js';
import {
  DEMO_VOLUNTEER,
  SEED_VOLUNTEER_GOALS,
  SEED_VOLUNTEER_TEAMS,
  sampleEntries,
  sampleVolunteers,
} from '../sample-data/volunteering.js';
import { digestAccessKey, generateAccessKey } from '../volunteering/codes.js';
import type { Queryable } from './database.js';

/** The staff member the sample approvals are recorded under. */
const SAMPLE_REVIEWER = '社区志愿服务站';

/**
 * Seeds the sample teams, volunteers, goals and a year of entries up to `now` (see
 * `sample-data/volunteering.ts`). Entries go in with one set-based INSERT per table, so a fresh database
 * (every test suite makes one) stays quick to create. Sample entries come as if imported from a paper
 * register: reviewed, but without a change history (what is logged or reviewed later has one).
 */
export async function seedVolunteering(tx: Queryable, now: Date = new Date()): Promise<void> {
  for (const [index, team] of SEED_VOLUNTEER_TEAMS.entries()) {
    await tx.query(
      `INSERT INTO volunteer_teams (id, community_id, name, description, activity_types, sort_order)
       VALUES ($1, $2, $3::text::jsonb, $4::text::jsonb, $5::text::jsonb, $6)`,
      [team.id, team.communityId, JSON.stringify(team.name), JSON.stringify(team.description), JSON.stringify(team.activityTypes), index + 1],
    );
  }
  for (const goal of SEED_VOLUNTEER_GOALS) {
    await tx.query(`INSERT INTO volunteer_goals (scope_kind, scope_id, month_minutes, updated_by) VALUES ($1, $2, $3, $4)`, [
      goal.kind,
      goal.id,
      goal.hours * 60,
      SAMPLE_REVIEWER,
    ]);
  }

  const today = calendarDateOf(now, COMMUNITY_TIME_ZONE);
  const joinedAt = zonedInstant(addDays(today, -400), '09:00');
  const volunteers = sampleVolunteers();
  const ids = new Map(volunteers.map((volunteer) => [volunteer.code, randomUUID()]));
  await tx.query(
    `INSERT INTO volunteers (id, code, community_id, name, phone, phone_key, availability, skills, consent_at, access_key_sha256, created_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[],
                          $9::timestamptz[], $10::text[], $9::timestamptz[])`,
    [
      volunteers.map((volunteer) => ids.get(volunteer.code)),
      volunteers.map((volunteer) => volunteer.code),
      volunteers.map((volunteer) => volunteer.communityId),
      volunteers.map((volunteer) => volunteer.name),
      volunteers.map((volunteer) => volunteer.phone),
      volunteers.map((volunteer) => phoneKey(volunteer.phone)),
      volunteers.map((volunteer) => JSON.stringify(volunteer.availability)),
      volunteers.map((volunteer) => JSON.stringify(volunteer.skills)),
      volunteers.map(() => joinedAt),
      // Only the demo volunteer's key is known; the others get keys nobody holds.
      volunteers.map((volunteer) => digestAccessKey(volunteer.code === DEMO_VOLUNTEER.code ? DEMO_VOLUNTEER.accessKey : generateAccessKey())),
    ],
  );
  const memberships = volunteers.flatMap((volunteer) => volunteer.teamIds.map((teamId) => [ids.get(volunteer.code)!, teamId] as const));
  await tx.query(
    `INSERT INTO volunteer_memberships (volunteer_id, team_id, joined_at) SELECT v, t, $3 FROM unnest($1::text[], $2::text[]) AS m(v, t)`,
    [memberships.map(([volunteerId]) => volunteerId), memberships.map(([, teamId]) => teamId), joinedAt],
  );

  const entries = sampleEntries(today, volunteers).map((entry) => {
    const startedAt = entry.startTime === null ? null : zonedInstant(entry.date, entry.startTime);
    const loggedAt = new Date(Math.min(zonedInstant(entry.date, '21:30').getTime(), now.getTime()));
    // Reviewed a day or two after logging, never in the future.
    const reviewedAt = entry.status === 'pending' ? null : new Date(Math.min(loggedAt.getTime() + 36 * 3_600_000, now.getTime()));
    return { ...entry, id: randomUUID(), startedAt, endedAt: startedAt && new Date(startedAt.getTime() + entry.minutes * 60_000), loggedAt, reviewedAt };
  });
  const column = <T>(read: (entry: (typeof entries)[number]) => T) => entries.map(read);
  await tx.query(
    `INSERT INTO volunteer_entries (id, volunteer_id, team_id, activity_type, served_on, started_at, ended_at, minutes, area_id,
                                    served_group, served_count, note, status, reject_reason, reviewed_by, reviewed_at, version,
                                    created_at, updated_at)
     SELECT id, volunteer_id, team_id, activity_type, served_on, started_at, ended_at, minutes, area_id, served_group, served_count,
            note, status, reject_reason, CASE WHEN reviewed_at IS NULL THEN NULL ELSE $17 END, reviewed_at,
            CASE WHEN reviewed_at IS NULL THEN 1 ELSE 2 END, created_at, COALESCE(reviewed_at, created_at)
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::timestamptz[], $7::timestamptz[], $8::int[],
                 $9::text[], $10::text[], $11::int[], $12::text[], $13::text[], $14::text[], $15::timestamptz[], $16::timestamptz[])
       AS e(id, volunteer_id, team_id, activity_type, served_on, started_at, ended_at, minutes, area_id, served_group, served_count,
            note, status, reject_reason, reviewed_at, created_at)`,
    [
      column((entry) => entry.id),
      column((entry) => ids.get(entry.volunteerCode)),
      column((entry) => entry.teamId),
      column((entry) => entry.activityType),
      column((entry) => entry.date),
      column((entry) => entry.startedAt),
      column((entry) => entry.endedAt),
      column((entry) => entry.minutes),
      column((entry) => entry.areaId),
      column((entry) => entry.servedGroup),
      column((entry) => entry.servedCount),
      column((entry) => entry.note),
      column((entry) => entry.status),
      column((entry) => entry.rejectReason),
      column((entry) => entry.reviewedAt),
      column((entry) => entry.loggedAt),
      SAMPLE_REVIEWER,
    ],
  );
}
