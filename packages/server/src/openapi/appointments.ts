import {
  AppointmentCancel,
  AppointmentCreate,
  AppointmentDay,
  AppointmentOutcome,
  AppointmentPublic,
  AppointmentReschedule,
  AppointmentServiceListResponse,
  AppointmentSlotListResponse,
  AppointmentSlotsPublish,
  AppointmentSlotsPublished,
  StaffAppointment,
} from '@doorstep/sdk';
import { acceptLanguage, errors, idempotencyKeyHeader, json, ref, replayedHeader, type OpenApiSection } from './helpers.js';

const bearer = [{ bearerAuth: [] }];
const date = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string', format: 'date' },
});
const codePath = {
  name: 'code',
  in: 'path',
  required: true,
  description: 'The confirmation code, e.g. AP-7K2M-9QX4 (case and spacing forgiven).',
  schema: { type: 'string' },
};

/** Appointments: services, slots, booking, cancelling, rescheduling; staff slots, day list, outcomes. */
export const appointmentsSection: OpenApiSection = {
  paths: {
    '/v1/appointments/services': {
      get: {
        operationId: 'listAppointmentServices',
        summary: 'Services residents can book, with the materials to bring',
        parameters: [
          {
            name: 'area',
            in: 'query',
            required: false,
            description: 'An area id: the services offered there, above it and below it.',
            schema: { type: 'string' },
          },
          acceptLanguage,
        ],
        responses: { '200': { description: 'In display order', ...json(ref('AppointmentServiceListResponse')) }, ...errors(400, 404, 500) },
      },
    },
    '/v1/appointments/services/{id}/slots': {
      get: {
        operationId: 'listAppointmentSlots',
        summary: 'A service’s on-site slots that have not started, with the places remaining',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          date('from', 'First day (community time, Asia/Shanghai); default today.'),
          date('to', 'Last day, inclusive; default 13 days after `from`; at most 61 days after it.'),
          acceptLanguage,
        ],
        responses: { '200': { description: 'In time order', ...json(ref('AppointmentSlotListResponse')) }, ...errors(400, 404, 500) },
      },
    },
    '/v1/appointments': {
      post: {
        operationId: 'createAppointment',
        summary: 'Book an on-site slot or ask for a home visit; answers the masked view with the confirmation code',
        description:
          'A full slot is `409 conflict` with `fields.slotId` — capacity is enforced by the database, so ' +
          'concurrent bookings cannot overbook.',
        parameters: [idempotencyKeyHeader, acceptLanguage],
        requestBody: { required: true, ...json(ref('AppointmentCreate')) },
        responses: {
          '201': { description: 'Booked (or the replay for a repeated Idempotency-Key)', headers: replayedHeader, ...json(ref('AppointmentPublic')) },
          ...errors(400, 409, 413, 415, 422, 500),
        },
      },
    },
    '/v1/appointments/{code}': {
      get: {
        operationId: 'getAppointment',
        summary: 'Look an appointment up by its confirmation code (name and phone masked)',
        parameters: [codePath, acceptLanguage],
        responses: { '200': { description: 'The public view', ...json(ref('AppointmentPublic')) }, ...errors(404, 500) },
      },
    },
    '/v1/appointments/{code}/cancel': {
      post: {
        operationId: 'cancelAppointment',
        summary: 'Cancel with the code and the full phone number used to book; a repeat answers the cancelled view',
        parameters: [codePath, acceptLanguage],
        requestBody: { required: true, ...json(ref('AppointmentCancel')) },
        responses: {
          '200': { description: 'Cancelled; the place is free again', ...json(ref('AppointmentPublic')) },
          '409': { description: 'Attended, missed, or its time has come (`conflict`).', $ref: '#/components/responses/Error409' },
          ...errors(400, 404, 415, 422, 500),
        },
      },
    },
    '/v1/appointments/{code}/reschedule': {
      post: {
        operationId: 'rescheduleAppointment',
        summary: 'Move to another slot of the same service (on site) or another day (home visit)',
        parameters: [codePath, acceptLanguage],
        requestBody: { required: true, ...json(ref('AppointmentReschedule')) },
        responses: {
          '200': { description: 'Moved (or already there)', ...json(ref('AppointmentPublic')) },
          ...errors(400, 404, 409, 415, 422, 500),
        },
      },
    },
    '/v1/staff/appointments/slots': {
      post: {
        operationId: 'publishAppointmentSlots',
        summary: 'Publish slots for a service (staff, role `appointments`); all or none are stored',
        security: bearer,
        parameters: [idempotencyKeyHeader, acceptLanguage],
        requestBody: { required: true, ...json(ref('AppointmentSlotsPublish')) },
        responses: {
          '201': { description: 'Published', headers: replayedHeader, ...json(ref('AppointmentSlotsPublished')) },
          ...errors(400, 401, 403, 409, 413, 415, 422, 500),
        },
      },
    },
    '/v1/staff/appointments/day': {
      get: {
        operationId: 'getAppointmentDay',
        summary: 'One day’s slots with who booked them, and the home visits asked for that day (staff)',
        security: bearer,
        parameters: [
          date('date', 'The day (community time); default today.'),
          { name: 'serviceId', in: 'query', required: false, schema: { type: 'string' } },
          acceptLanguage,
        ],
        responses: { '200': { description: 'The day', ...json(ref('AppointmentDay')) }, ...errors(400, 401, 403, 500) },
      },
    },
    '/v1/staff/appointments/{code}/outcome': {
      post: {
        operationId: 'markAppointmentOutcome',
        summary: 'Record attended or no-show (staff), from the appointment’s day on',
        security: bearer,
        parameters: [codePath, acceptLanguage],
        requestBody: { required: true, ...json(ref('AppointmentOutcome')) },
        responses: {
          '200': { description: 'Recorded', ...json(ref('StaffAppointment')) },
          ...errors(400, 401, 403, 404, 409, 415, 500),
        },
      },
    },
  },
  output: {
    AppointmentServiceListResponse,
    AppointmentSlotListResponse,
    AppointmentPublic,
    AppointmentSlotsPublished,
    AppointmentDay,
    StaffAppointment,
  },
  input: { AppointmentCreate, AppointmentCancel, AppointmentReschedule, AppointmentSlotsPublish, AppointmentOutcome },
};
