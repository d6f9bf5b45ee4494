import {
  VOLUNTEER_AVAILABILITY,
  VOLUNTEER_SKILLS,
  VolunteerSignup,
  type FieldIssue,
  type VolunteerAvailability,
  type VolunteerSkill,
  type VolunteerTeam,
} from '@doorstep/sdk';
import { format, type Locale, type MessageParams } from '../locales/index.js';
import { issuesOf, orderErrors, type FieldError } from '../shared/field-errors.js';
import { volunteerSignupMessages } from './volunteer-signup.messages.js';

type Key = keyof (typeof volunteerSignupMessages)['zh-CN'];
const msg = (locale: Locale, key: Key, params?: MessageParams) => format(volunteerSignupMessages, locale, key, params);

/** The form's controls (their ids), in page order. */
export const SIGNUP_FIELDS = ['teams', 'name', 'phone', 'availability', 'skills', 'skillsNote', 'note', 'consent'] as const;
export type SignupField = (typeof SIGNUP_FIELDS)[number];

/** What the resident has entered; kept as typed whatever happens to a submission (and saved as a draft). */
export interface SignupValues {
  name: string;
  phone: string;
  teams: string[];
  availability: VolunteerAvailability[];
  skills: VolunteerSkill[];
  skillsNote: string;
  note: string;
  consent: boolean;
  remember: boolean;
}

export const EMPTY_SIGNUP: SignupValues = {
  name: '',
  phone: '',
  teams: [],
  availability: [],
  skills: [],
  skillsNote: '',
  note: '',
  consent: false,
  remember: true,
};

const FIELD_OF_PATH: Record<string, SignupField> = {
  name: 'name',
  phone: 'phone',
  teamIds: 'teams',
  availability: 'availability',
  skills: 'skills',
  skillsNote: 'skillsNote',
  note: 'note',
  consent: 'consent',
};

export function signupFieldOf(path: string): SignupField | undefined {
  return FIELD_OF_PATH[path.split('.')[0] ?? ''];
}

/** The payload for `client.volunteering.signup`; lists in the order the options are shown. */
export function toSignupInput(values: SignupValues): VolunteerSignup {
  return {
    name: values.name,
    phone: values.phone,
    teamIds: values.teams,
    availability: VOLUNTEER_AVAILABILITY.filter((slot) => values.availability.includes(slot)),
    skills: VOLUNTEER_SKILLS.filter((skill) => values.skills.includes(skill)),
    ...(values.skills.includes('other') && values.skillsNote.trim() ? { skillsNote: values.skillsNote } : {}),
    ...(values.note.trim() ? { note: values.note } : {}),
    consent: values.consent as true,
  };
}

/** A plain-language message for one issue on one control. */
export function signupMessage(field: SignupField, issue: Pick<FieldIssue, 'code' | 'maximum'>, values: SignupValues, locale: Locale): string {
  const tooBig = issue.code === 'too_big';
  switch (field) {
    case 'name':
      return tooBig ? msg(locale, 'error.name.tooLong', { count: issue.maximum ?? 0 }) : msg(locale, 'error.name.required');
    case 'phone':
      return values.phone.trim() ? msg(locale, 'error.phone.invalid') : msg(locale, 'error.phone.required');
    case 'teams':
      return tooBig ? msg(locale, 'error.teams.tooMany', { count: issue.maximum ?? 0 }) : msg(locale, 'error.teams.required');
    case 'skillsNote':
      return msg(locale, 'error.skillsNote.tooLong', { count: issue.maximum ?? 0 });
    case 'note':
      return msg(locale, 'error.note.tooLong', { count: issue.maximum ?? 0 });
    case 'consent':
      return msg(locale, 'error.consent.required');
    default:
      return msg(locale, 'error.invalid');
  }
}

export type SignupCheck = { ok: true; input: VolunteerSignup } | { ok: false; errors: FieldError<SignupField>[] };

/** Checks the values with the SDK's schema, and that the teams chosen belong to one community. */
export function checkSignup(values: SignupValues, teams: readonly VolunteerTeam[], locale: Locale): SignupCheck {
  const input = toSignupInput(values);
  const result = VolunteerSignup.safeParse(input);
  const errors: FieldError<SignupField>[] = result.success
    ? []
    : issuesOf(result.error).flatMap((issue) => {
        const field = signupFieldOf(issue.path);
        return field ? [{ field, message: signupMessage(field, issue, values, locale) }] : [];
      });
  const communities = new Set(teams.filter((team) => values.teams.includes(team.id)).map((team) => team.communityId));
  if (communities.size > 1) errors.push({ field: 'teams', message: msg(locale, 'error.teams.communities') });
  if (errors.length > 0 || !result.success) return { ok: false, errors: orderErrors(errors, SIGNUP_FIELDS) };
  return { ok: true, input };
}
