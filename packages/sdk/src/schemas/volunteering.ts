import * as z from 'zod/mini';
import { Id, IsoDateTime, LocalizedText } from './common.js';
import { CalendarDate } from './community-calendar.js';
import { Phone } from './phone.js';
import { CONTACT_NAME_MAX_LENGTH, TRACKING_CODE_ALPHABET } from './request.js';

// Volunteer service hours (志愿服务): teams, volunteers, logged hours that staff approve, and totals.
//
// Durations are whole **minutes** everywhere (exact integers; hours are for display: 90 → 1.5 小时).
// Totals are always the sum of approved entries, computed when asked, so they cannot drift.
// Dates (`date`, `from`, `to`) are calendar days in the community's time zone (Asia/Shanghai), so an
// entry that starts at 2026-11-01T00:30+08:00 — still 31 October in UTC — counts for November.

// ── codes and keys ──────────────────────────────────────────────────────────────────────────────────

const CHUNK = `[${TRACKING_CODE_ALPHABET}]{4}`;

/** `V-7K2M-9QX4`: a volunteer's public number, printed on certificates (not a secret). */
export const VolunteerCode = z.string().check(z.regex(new RegExp(`^V-${CHUNK}-${CHUNK}$`)));

/**
 * A volunteer's access key, `K7M2-9QX4-PW3N-5TRA-HB8C` (100 random bits): the secret that lets a
 * browser log hours for the volunteer. Shown once at sign-up and stored on the volunteer's device;
 * staff can issue a new one (which retires the old). The server keeps only its SHA-256 digest.
 */
export const VolunteerAccessKey = z.string().check(z.regex(new RegExp(`^${CHUNK}(?:-${CHUNK}){4}$`)));

/** Upper-cases and regroups what a volunteer typed: `v 7k2m9qx4` → `V-7K2M-9QX4`. */
export function normalizeVolunteerCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const body = compact.length === 9 && compact.startsWith('V') ? compact.slice(1) : compact;
  return body.length === 8 ? `V-${body.slice(0, 4)}-${body.slice(4)}` : input.trim().toUpperCase();
}

/** Upper-cases and regroups an access key typed with or without dashes and spaces. */
export function normalizeVolunteerAccessKey(input: string): string {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length === 20 ? (compact.match(/.{4}/g) ?? []).join('-') : input.trim().toUpperCase();
}

// ── teams ───────────────────────────────────────────────────────────────────────────────────────────

/** A short machine key: `home-visit`, `patrol`. */
export const ActivityKey = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/));

/** A kind of activity a team logs, e.g. 上门探访 (`home-visit`) for the elder-visit team. */
export const ActivityType = z.object({ key: ActivityKey, name: LocalizedText });
export type ActivityType = z.infer<typeof ActivityType>;

/** A volunteer team of a community (e.g. 和事佬志愿服务队). */
export const VolunteerTeam = z.object({
  id: Id,
  /** The community the team serves. */
  communityId: Id,
  name: LocalizedText,
  description: z.nullable(LocalizedText),
  /** What its volunteers log, in display order. */
  activityTypes: z.array(ActivityType),
  /** Volunteers who joined it. */
  memberCount: z.int().check(z.nonnegative()),
});
export type VolunteerTeam = z.infer<typeof VolunteerTeam>;

/** `GET /v1/volunteering/teams` */
export const VolunteerTeamListResponse = z.object({ teams: z.array(VolunteerTeam) });

/** `GET /v1/volunteering/teams?community=c-1`: only that community's teams. */
export const VolunteerTeamListQuery = z.object({ community: z.optional(Id) });
export type VolunteerTeamListQuery = z.infer<typeof VolunteerTeamListQuery>;

/** What staff send to add a team (`POST /v1/staff/volunteering/teams`). */
export const VolunteerTeamCreate = z.object({
  id: ActivityKey,
  communityId: Id,
  name: LocalizedText,
  description: z.optional(LocalizedText),
  activityTypes: z.array(ActivityType).check(z.minLength(1), z.maxLength(20)),
});
export type VolunteerTeamCreate = z.input<typeof VolunteerTeamCreate>;

// ── volunteers ──────────────────────────────────────────────────────────────────────────────────────

/** When a volunteer can help: weekday or weekend, morning, afternoon or evening. */
export const VOLUNTEER_AVAILABILITY = [
  'weekday-morning',
  'weekday-afternoon',
  'weekday-evening',
  'weekend-morning',
  'weekend-afternoon',
  'weekend-evening',
] as const;
export type VolunteerAvailability = (typeof VOLUNTEER_AVAILABILITY)[number];

/** What a volunteer is good at; `other` asks for a few words in `skillsNote`. */
export const VOLUNTEER_SKILLS = [
  'mediation',
  'elder-care',
  'first-aid',
  'cooking',
  'haircut',
  'driving',
  'tech-help',
  'patrol',
  'other',
] as const;
export type VolunteerSkill = (typeof VOLUNTEER_SKILLS)[number];

export const VOLUNTEER_NOTE_MAX_LENGTH = 500;
export const VOLUNTEER_SKILLS_NOTE_MAX_LENGTH = 100;
export const VOLUNTEER_TEAMS_MAX = 5;

/** What a resident sends to become a volunteer (`POST /v1/volunteering/volunteers`). */
export const VolunteerSignup = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(CONTACT_NAME_MAX_LENGTH)),
  phone: Phone,
  /** One or more teams to join (all in one community). */
  teamIds: z.array(Id).check(z.minLength(1), z.maxLength(VOLUNTEER_TEAMS_MAX)),
  availability: z._default(z.array(z.enum(VOLUNTEER_AVAILABILITY)).check(z.maxLength(VOLUNTEER_AVAILABILITY.length)), []),
  skills: z._default(z.array(z.enum(VOLUNTEER_SKILLS)).check(z.maxLength(VOLUNTEER_SKILLS.length)), []),
  skillsNote: z.optional(z.string().check(z.trim(), z.maxLength(VOLUNTEER_SKILLS_NOTE_MAX_LENGTH))),
  note: z.optional(z.string().check(z.trim(), z.maxLength(VOLUNTEER_NOTE_MAX_LENGTH))),
  /** The volunteer agrees that the station keeps their name, phone and hours to run the service. */
  consent: z.literal(true),
});
export type VolunteerSignup = z.input<typeof VolunteerSignup>;

/** A team as a volunteer's own record names it. */
export const VolunteerTeamRef = z.object({ id: Id, name: LocalizedText });
export type VolunteerTeamRef = z.infer<typeof VolunteerTeamRef>;

/** The volunteer's totals of approved (and waiting) minutes. */
export const VolunteerTotals = z.object({
  /** Approved, all time. */
  approvedMinutes: z.int().check(z.nonnegative()),
  /** Approved, this calendar month (community time). */
  monthMinutes: z.int().check(z.nonnegative()),
  /** Approved, this calendar year (community time). */
  yearMinutes: z.int().check(z.nonnegative()),
  /** Logged and not yet reviewed. */
  pendingMinutes: z.int().check(z.nonnegative()),
});
export type VolunteerTotals = z.infer<typeof VolunteerTotals>;

/** A volunteer's own record, as they see it with their access key (phone masked all the same). */
export const VolunteerSelf = z.object({
  code: VolunteerCode,
  /** Their own name in full: it goes on their certificate. */
  name: z.string(),
  phone: z.string(),
  communityId: Id,
  teams: z.array(VolunteerTeamRef),
  availability: z.array(z.enum(VOLUNTEER_AVAILABILITY)),
  skills: z.array(z.enum(VOLUNTEER_SKILLS)),
  joinedAt: IsoDateTime,
  totals: VolunteerTotals,
});
export type VolunteerSelf = z.infer<typeof VolunteerSelf>;

/** `POST /v1/volunteering/volunteers`: the new volunteer and their access key (shown this once). */
export const VolunteerSignupResult = z.object({ volunteer: VolunteerSelf, accessKey: VolunteerAccessKey });
export type VolunteerSignupResult = z.infer<typeof VolunteerSignupResult>;

/** A volunteer as staff see them: name and phone in full. */
export const StaffVolunteer = z.object({
  id: Id,
  code: VolunteerCode,
  name: z.string(),
  phone: z.string(),
  communityId: Id,
  teams: z.array(VolunteerTeamRef),
  availability: z.array(z.enum(VOLUNTEER_AVAILABILITY)),
  skills: z.array(z.enum(VOLUNTEER_SKILLS)),
  skillsNote: z.nullable(z.string()),
  note: z.nullable(z.string()),
  joinedAt: IsoDateTime,
  approvedMinutes: z.int().check(z.nonnegative()),
});
export type StaffVolunteer = z.infer<typeof StaffVolunteer>;

/** `GET /v1/staff/volunteering/volunteers` */
export const StaffVolunteerListResponse = z.object({ volunteers: z.array(StaffVolunteer) });

/** `POST /v1/staff/volunteering/volunteers/{code}/access-key`: a new key; the old one stops working. */
export const VolunteerAccessKeyResponse = z.object({ code: VolunteerCode, accessKey: VolunteerAccessKey });

// ── entries ─────────────────────────────────────────────────────────────────────────────────────────

/** `pending` until staff review it; only `approved` entries count. */
export const HOURS_ENTRY_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type HoursEntryStatus = (typeof HOURS_ENTRY_STATUSES)[number];

/** Who was served, as a group: never a name. */
export const HOURS_SERVED_GROUPS = ['elders', 'elders-alone', 'disabled', 'children', 'families', 'residents', 'other'] as const;
export type HoursServedGroup = (typeof HOURS_SERVED_GROUPS)[number];

/** Hours are logged in quarter hours, up to a day. */
export const HOURS_STEP = 0.25;
export const HOURS_MAX = 24;
/** The longest single entry, in minutes (a day: a night patrol may pass midnight). */
export const HOURS_ENTRY_MAX_MINUTES = 24 * 60;
export const HOURS_NOTE_MAX_LENGTH = 500;
export const HOURS_SERVED_COUNT_MAX = 999;
export const HOURS_REVIEW_REASON_MIN_LENGTH = 2;
export const HOURS_REVIEW_REASON_MAX_LENGTH = 200;

const Hours = z.number().check(z.gte(HOURS_STEP), z.lte(HOURS_MAX), z.multipleOf(HOURS_STEP));
const Note = z.string().check(z.trim(), z.maxLength(HOURS_NOTE_MAX_LENGTH));
const ServedCount = z.int().check(z.gte(1), z.lte(HOURS_SERVED_COUNT_MAX));
const Reason = z.string().check(z.trim(), z.minLength(HOURS_REVIEW_REASON_MIN_LENGTH), z.maxLength(HOURS_REVIEW_REASON_MAX_LENGTH));

/**
 * What a volunteer logs (`POST /v1/volunteering/me/entries`). The time is given one of two ways:
 * - `date` and `hours` (quarter hours), e.g. 2 hours of visits on 2026-11-20;
 * - `startedAt` and `endedAt` (ISO 8601 with offset); the date is the community-time day it started on.
 * The server answers 422 naming the fields when neither or both are given.
 */
export const HoursEntryCreate = z.object({
  teamId: Id,
  /** One of the team's `activityTypes` keys. */
  activityType: ActivityKey,
  date: z.optional(CalendarDate),
  hours: z.optional(Hours),
  startedAt: z.optional(IsoDateTime),
  endedAt: z.optional(IsoDateTime),
  /** Where: a community, compound, building or unit. */
  areaId: z.optional(Id),
  servedGroup: z.optional(z.enum(HOURS_SERVED_GROUPS)),
  /** How many people were served. */
  servedCount: z.optional(ServedCount),
  note: z.optional(Note),
});
export type HoursEntryCreate = z.input<typeof HoursEntryCreate>;

/** A logged activity as its volunteer sees it. */
export const HoursEntry = z.object({
  id: Id,
  team: VolunteerTeamRef,
  activityType: ActivityType,
  /** The community-time day it happened. */
  date: CalendarDate,
  startedAt: z.nullable(IsoDateTime),
  endedAt: z.nullable(IsoDateTime),
  minutes: z.int().check(z.positive()),
  areaId: z.nullable(Id),
  /** Area names from the district down, e.g. ['幸福区', '和平街道', '幸福里社区', '幸福花园', '1号楼']. */
  areaPath: z.array(z.string()),
  servedGroup: z.nullable(z.enum(HOURS_SERVED_GROUPS)),
  servedCount: z.nullable(z.int()),
  note: z.nullable(z.string()),
  status: z.enum(HOURS_ENTRY_STATUSES),
  /** Why staff rejected it. */
  rejectReason: z.nullable(z.string()),
  reviewedAt: z.nullable(IsoDateTime),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Goes up with every change; staff send it back so two reviewers cannot overwrite each other. */
  version: z.int().check(z.positive()),
});
export type HoursEntry = z.infer<typeof HoursEntry>;

/** `GET /v1/volunteering/me/entries` (newest first). */
export const HoursEntryListResponse = z.object({ entries: z.array(HoursEntry) });

/** `GET /v1/volunteering/me/entries?from&to&status`: dates are inclusive. */
export const HoursEntryListQuery = z.object({
  from: z.optional(CalendarDate),
  to: z.optional(CalendarDate),
  status: z.optional(z.enum(HOURS_ENTRY_STATUSES)),
});
export type HoursEntryListQuery = z.infer<typeof HoursEntryListQuery>;

/** One recorded change of an entry: who, when, and each field's old → new value. */
export const HoursEntryChange = z.object({
  at: IsoDateTime,
  /** The staff member (token holder's name), or `volunteer` for the volunteer's own logging. */
  actor: z.string(),
  action: z.enum(['created', 'edited', 'approved', 'rejected']),
  /** Field → `{ from, to }` (minutes, dates, keys; `null` for "none"). */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  reason: z.nullable(z.string()),
});
export type HoursEntryChange = z.infer<typeof HoursEntryChange>;

/** An entry as staff see it: whose it is (name and phone in full), who reviewed it, and its history. */
export const StaffHoursEntry = z.object({
  ...HoursEntry.shape,
  volunteer: z.object({ code: VolunteerCode, name: z.string(), phone: z.string() }),
  reviewedBy: z.nullable(z.string()),
  history: z.array(HoursEntryChange),
});
export type StaffHoursEntry = z.infer<typeof StaffHoursEntry>;

/** `GET /v1/staff/volunteering/entries` (oldest pending first, then newest). */
export const StaffHoursEntryListResponse = z.object({ entries: z.array(StaffHoursEntry), total: z.int().check(z.nonnegative()) });

export const STAFF_HOURS_ENTRY_LIST_MAX = 200;

/** Filters of the staff list; dates inclusive. */
export const StaffHoursEntryListQuery = z.object({
  status: z.optional(z.enum(HOURS_ENTRY_STATUSES)),
  team: z.optional(Id),
  community: z.optional(Id),
  volunteer: z.optional(VolunteerCode),
  from: z.optional(CalendarDate),
  to: z.optional(CalendarDate),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(STAFF_HOURS_ENTRY_LIST_MAX))),
  offset: z.optional(z.coerce.number().check(z.int(), z.gte(0))),
});
export type StaffHoursEntryListQuery = z.input<typeof StaffHoursEntryListQuery>;

/** `POST …/entries/{id}/approve`. `version` (optional) guards against approving a changed entry. */
export const HoursEntryApprove = z.object({ version: z.optional(z.int()) });
export type HoursEntryApprove = z.input<typeof HoursEntryApprove>;

/** `POST …/entries/{id}/reject`: the reason is shown to the volunteer. */
export const HoursEntryReject = z.object({ version: z.optional(z.int()), reason: Reason });
export type HoursEntryReject = z.input<typeof HoursEntryReject>;

/**
 * `POST …/entries/{id}/edit`: the fields to change and why. `version` is required: an edit made
 * while someone else changed the entry is a 409. `areaId`, `servedGroup`, `servedCount` and `note`
 * take `null` to clear them. The status stays as it was; an approved entry stays approved and the
 * totals follow the new minutes.
 */
export const HoursEntryEdit = z.object({
  version: z.int(),
  reason: Reason,
  teamId: z.optional(Id),
  activityType: z.optional(ActivityKey),
  date: z.optional(CalendarDate),
  hours: z.optional(Hours),
  startedAt: z.optional(IsoDateTime),
  endedAt: z.optional(IsoDateTime),
  areaId: z.optional(z.nullable(Id)),
  servedGroup: z.optional(z.nullable(z.enum(HOURS_SERVED_GROUPS))),
  servedCount: z.optional(z.nullable(ServedCount)),
  note: z.optional(z.nullable(Note)),
});
export type HoursEntryEdit = z.input<typeof HoursEntryEdit>;

// ── totals (the public counter) ─────────────────────────────────────────────────────────────────────

/** `month` / `year`: the current one in community time; `all`: everything; `range`: `from`–`to`. */
export const HOURS_PERIODS = ['month', 'year', 'all'] as const;
export type HoursPeriod = (typeof HOURS_PERIODS)[number];

/** Extra parts of the counter's answer; the compact header counter asks for none. */
export const HOURS_INCLUDES = ['teams', 'trend'] as const;
export type HoursInclude = (typeof HOURS_INCLUDES)[number];

/**
 * `GET /v1/volunteering/hours`: exactly one of `community`, `team` or `volunteer` (a code); `period`
 * (default `month`) or `from` and/or `to` (inclusive dates); `include` a comma-separated list.
 */
export const HoursQuery = z.object({
  community: z.optional(Id),
  team: z.optional(Id),
  volunteer: z.optional(VolunteerCode),
  period: z.optional(z.enum(HOURS_PERIODS)),
  from: z.optional(CalendarDate),
  to: z.optional(CalendarDate),
  include: z.optional(z.string().check(z.regex(/^(?:teams|trend)(?:,(?:teams|trend))?$/))),
});
export type HoursQuery = z.input<typeof HoursQuery>;

/** A monthly goal set by staff for a community or a team, e.g. 550 hours a month for 幸福里社区. */
export const HoursGoal = z.object({ minutes: z.int().check(z.positive()), period: z.literal('month') });
export type HoursGoal = z.infer<typeof HoursGoal>;

/** The counter's answer. Carries a strong ETag; unchanged answers are a 304. */
export const HoursSummary = z.object({
  scope: z.object({ kind: z.enum(['community', 'team', 'volunteer']), id: z.string() }),
  period: z.object({
    kind: z.enum([...HOURS_PERIODS, 'range']),
    /** First day counted (inclusive); `null` for all time. */
    from: z.nullable(CalendarDate),
    /** Last day counted (inclusive); `null` for "up to now". */
    to: z.nullable(CalendarDate),
  }),
  /** The time zone the dates are in. */
  timeZone: z.string(),
  /** Sum of approved minutes in the period. */
  minutes: z.int().check(z.nonnegative()),
  /** How many approved entries, and how many different volunteers logged them. */
  entries: z.int().check(z.nonnegative()),
  volunteers: z.int().check(z.nonnegative()),
  /** The server's monthly goal for the scope, when the period is a month and one is set. */
  goal: z.nullable(HoursGoal),
  /** With `include=teams`: minutes per team, most first (a community lists all its teams). */
  teams: z.optional(z.array(z.object({ team: VolunteerTeamRef, minutes: z.int().check(z.nonnegative()) }))),
  /**
   * With `include=trend`: the 12 calendar months ending with the period's last month (or this month,
   * whichever is earlier), oldest first, each with its approved minutes.
   */
  trend: z.optional(
    z.array(z.object({ month: z.string().check(z.regex(/^\d{4}-(?:0[1-9]|1[0-2])$/)), minutes: z.int().check(z.nonnegative()) })),
  ),
});
export type HoursSummary = z.infer<typeof HoursSummary>;

/** `POST /v1/staff/volunteering/goals`: set (or with `hours: null` remove) a community's or team's monthly goal. */
export const HoursGoalSet = z.object({
  community: z.optional(Id),
  team: z.optional(Id),
  hours: z.nullable(z.number().check(z.gt(0), z.lte(100_000), z.multipleOf(HOURS_STEP))),
});
export type HoursGoalSet = z.input<typeof HoursGoalSet>;

export const HoursGoalResponse = z.object({
  scope: z.object({ kind: z.enum(['community', 'team']), id: Id }),
  goal: z.nullable(HoursGoal),
});

// ── certificate ─────────────────────────────────────────────────────────────────────────────────────

/** `GET /v1/volunteering/me/certificate?from&to`: a volunteer's approved hours for a period, to print. */
export const HoursCertificate = z.object({
  volunteer: z.object({ code: VolunteerCode, name: z.string() }),
  /** The issuing community, by name, e.g. 幸福里社区. */
  community: z.object({ id: Id, name: z.string() }),
  /** Teams the approved entries were for. */
  teams: z.array(VolunteerTeamRef),
  from: CalendarDate,
  to: CalendarDate,
  minutes: z.int().check(z.nonnegative()),
  /** The approved entries, oldest first. */
  entries: z.array(
    z.object({
      date: CalendarDate,
      team: VolunteerTeamRef,
      activityType: ActivityType,
      minutes: z.int().check(z.positive()),
    }),
  ),
  /** The community-time day it was made. */
  issuedOn: CalendarDate,
  timeZone: z.string(),
});
export type HoursCertificate = z.infer<typeof HoursCertificate>;

export const HoursCertificateQuery = z.object({ from: CalendarDate, to: CalendarDate });
export type HoursCertificateQuery = z.infer<typeof HoursCertificateQuery>;

// ── staff exports ───────────────────────────────────────────────────────────────────────────────────

/** How the totals export groups rows: any of volunteer, team, month (in that column order). */
export const HOURS_TOTALS_GROUPS = ['volunteer', 'team', 'month'] as const;
export type HoursTotalsGroup = (typeof HOURS_TOTALS_GROUPS)[number];

/** `GET /v1/staff/volunteering/export/entries.csv`: dates inclusive; status defaults to all. */
export const HoursEntriesExportQuery = z.object({
  from: z.optional(CalendarDate),
  to: z.optional(CalendarDate),
  team: z.optional(Id),
  community: z.optional(Id),
  status: z.optional(z.enum(HOURS_ENTRY_STATUSES)),
});
export type HoursEntriesExportQuery = z.infer<typeof HoursEntriesExportQuery>;

/** `GET /v1/staff/volunteering/export/totals.csv`: approved minutes grouped by `by` (default all three). */
export const HoursTotalsExportQuery = z.object({
  from: z.optional(CalendarDate),
  to: z.optional(CalendarDate),
  team: z.optional(Id),
  community: z.optional(Id),
  by: z.optional(z.string().check(z.regex(/^(?:volunteer|team|month)(?:,(?:volunteer|team|month)){0,2}$/))),
});
export type HoursTotalsExportQuery = z.infer<typeof HoursTotalsExportQuery>;
