import {
  EventCreate,
  EventListResponse,
  EventPublic,
  EventRegistrationCancel,
  EventRegistrationCreate,
  EventRegistrationPublic,
  EventUpdate,
  StaffEvent,
  StaffEventRegistrationList,
} from '@doorstep/sdk';
import { acceptLanguage, errors, idempotencyKeyHeader, json, ref, replayedHeader, type OpenApiSection } from './helpers.js';

const bearer = [{ bearerAuth: [] }];
const eventId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const codePath = {
  name: 'code',
  in: 'path',
  required: true,
  description: 'The registration code, e.g. EV-7K2M-9QX4 (case and spacing forgiven).',
  schema: { type: 'string' },
};
const date = (name: string, description: string) => ({ name, in: 'query', required: false, description, schema: { type: 'string', format: 'date' } });

/** Events: the public list, `.ics`, sign-up with a waitlist, cancelling; staff publish, edit, registrations (JSON, CSV). */
export const eventsSection: OpenApiSection = {
  paths: {
    '/v1/events': {
      get: {
        operationId: 'listEvents',
        summary: 'Events not yet over for an area (its own, above and below it), with seats left',
        parameters: [
          { name: 'area', in: 'query', required: false, schema: { type: 'string' } },
          date('from', 'First day (community time, Asia/Shanghai); default today.'),
          date('to', 'Last day, inclusive; default 59 days after `from`; at most 365 days after it.'),
          acceptLanguage,
        ],
        responses: { '200': { description: 'In time order', ...json(ref('EventListResponse')) }, ...errors(400, 404, 500) },
      },
    },
    '/v1/events/{id}': {
      get: {
        operationId: 'getEvent',
        summary: 'One event',
        parameters: [eventId, acceptLanguage],
        responses: { '200': { description: 'The event', ...json(ref('EventPublic')) }, ...errors(404, 500) },
      },
    },
    '/v1/events/{id}/calendar.ics': {
      get: {
        operationId: 'getEventCalendar',
        summary: 'The event as iCalendar (RFC 5545) for "add to calendar"',
        parameters: [
          eventId,
          { name: 'lang', in: 'query', required: false, description: 'zh-CN, zh-TW or en; else Accept-Language.', schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'A VCALENDAR with one VEVENT: UTC times, a stable UID, SEQUENCE = the event’s revision.',
            content: { 'text/calendar': { schema: { type: 'string' } } },
          },
          ...errors(404, 500),
        },
      },
    },
    '/v1/events/{id}/registrations': {
      post: {
        operationId: 'registerForEvent',
        summary: 'Sign up; confirmed while seats last (and nobody is waiting), else waitlisted',
        parameters: [eventId, idempotencyKeyHeader, acceptLanguage],
        requestBody: { required: true, ...json(ref('EventRegistrationCreate')) },
        responses: {
          '201': { description: 'Registered (or the replay for a repeated Idempotency-Key)', headers: replayedHeader, ...json(ref('EventRegistrationPublic')) },
          ...errors(400, 404, 409, 413, 415, 422, 500),
        },
      },
    },
    '/v1/event-registrations/{code}': {
      get: {
        operationId: 'getEventRegistration',
        summary: 'A registration by its code: status and waitlist position (name and phone masked)',
        parameters: [codePath, acceptLanguage],
        responses: { '200': { description: 'The public view', ...json(ref('EventRegistrationPublic')) }, ...errors(404, 500) },
      },
    },
    '/v1/event-registrations/{code}/cancel': {
      post: {
        operationId: 'cancelEventRegistration',
        summary: 'Cancel with the code and the full phone number; freed seats go to the waitlist in order',
        parameters: [codePath, acceptLanguage],
        requestBody: { required: true, ...json(ref('EventRegistrationCancel')) },
        responses: {
          '200': { description: 'Cancelled (a repeat answers the same)', ...json(ref('EventRegistrationPublic')) },
          ...errors(400, 404, 409, 415, 422, 500),
        },
      },
    },
    '/v1/staff/events': {
      post: {
        operationId: 'createEvent',
        summary: 'Publish an event (staff, role `events`)',
        security: bearer,
        parameters: [idempotencyKeyHeader, acceptLanguage],
        requestBody: { required: true, ...json(ref('EventCreate')) },
        responses: {
          '201': { description: 'Published', headers: replayedHeader, ...json(ref('StaffEvent')) },
          ...errors(400, 401, 403, 409, 413, 415, 422, 500),
        },
      },
    },
    '/v1/staff/events/{id}': {
      patch: {
        operationId: 'updateEvent',
        summary: 'Edit or cancel an event (staff); more seats promote the waitlist',
        security: bearer,
        parameters: [eventId, acceptLanguage],
        requestBody: { required: true, ...json(ref('EventUpdate')) },
        responses: { '200': { description: 'The event as it now is', ...json(ref('StaffEvent')) }, ...errors(400, 401, 403, 404, 415, 422, 500) },
      },
    },
    '/v1/staff/events/{id}/registrations': {
      get: {
        operationId: 'listEventRegistrations',
        summary: 'Every registration in sign-up order, contact details in full (staff)',
        security: bearer,
        parameters: [eventId, acceptLanguage],
        responses: { '200': { description: 'The event and its registrations', ...json(ref('StaffEventRegistrationList')) }, ...errors(401, 403, 404, 500) },
      },
    },
    '/v1/staff/events/{id}/registrations.csv': {
      get: {
        operationId: 'exportEventRegistrations',
        summary: 'The registrations as CSV for a spreadsheet (staff): UTF-8 with BOM, CRLF, header in the Accept-Language',
        security: bearer,
        parameters: [eventId, acceptLanguage],
        responses: {
          '200': { description: 'RFC 4180 CSV; cells a spreadsheet would run as a formula start with an apostrophe', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...errors(401, 403, 404, 500),
        },
      },
    },
  },
  output: { EventListResponse, EventPublic, EventRegistrationPublic, StaffEvent, StaffEventRegistrationList },
  input: { EventRegistrationCreate, EventRegistrationCancel, EventCreate, EventUpdate },
};
