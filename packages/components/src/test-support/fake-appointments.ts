import {
  addDays,
  calendarDateOf,
  createClient,
  zonedInstant,
  toZonedIso,
  type AppointmentPublic,
  type AppointmentService,
  type AppointmentSlot,
} from '@doorstep/sdk';
import type { ReceivedRequest } from './fake-api.js';

/** What the fake does with the next booking (`POST /v1/appointments`). */
export type BookingMode = 'ok' | 'full' | 'server' | 'network' | 'slow' | 'validation';

export const SERVICES: AppointmentService[] = [
  {
    id: 'pension-check',
    areaId: 'c-1',
    name: { 'zh-CN': '养老金领取资格认证', 'zh-TW': '養老金領取資格認證', en: 'Yearly pension eligibility check' },
    description: { 'zh-CN': '每年认证一次', 'zh-TW': '每年認證一次', en: 'Once a year' },
    materials: [
      { 'zh-CN': '本人身份证原件', 'zh-TW': '本人身分證正本', en: 'Your ID card (original)' },
      { 'zh-CN': '社会保障卡', 'zh-TW': '社會保障卡', en: 'Your social security card' },
    ],
    place: { 'zh-CN': '社区服务中心 2 号窗口', 'zh-TW': '社區服務中心 2 號窗口', en: 'Community centre, window 2' },
    homeVisit: true,
  },
  {
    id: 'senior-card',
    areaId: 'c-1',
    name: { 'zh-CN': '老年人优待证办理', 'zh-TW': '長者優待證辦理', en: 'Senior citizen card' },
    materials: [{ 'zh-CN': '本人身份证原件', 'zh-TW': '本人身分證正本', en: 'Your ID card (original)' }],
    place: { 'zh-CN': '社区服务中心 1 号窗口', 'zh-TW': '社區服務中心 1 號窗口', en: 'Community centre, window 1' },
    homeVisit: false,
  },
];

export const APPOINTMENT_CODE = 'AP-7K2M-9QX4';
export const BOOKING_PHONE = '13912345678';

function slot(id: string, serviceId: string, date: string, starts: string, ends: string, capacity: number, booked: number): AppointmentSlot & { booked: number } {
  return {
    id,
    serviceId,
    startsAt: toZonedIso(zonedInstant(date, starts)),
    endsAt: toZonedIso(zonedInstant(date, ends)),
    capacity,
    remaining: capacity - booked,
    booked,
  };
}

/** The two days the fake offers: the day after tomorrow and the one after (community dates). */
export function fakeSlotDays(): [string, string] {
  const today = calendarDateOf(new Date());
  return [addDays(today, 2), addDays(today, 3)];
}

/**
 * An in-memory appointments API behind a `fetch`: two services, a few slots over two days (one full), a
 * booking whose behaviour is switchable, and look-up, cancel and reschedule that check the phone.
 */
export class FakeAppointmentsApi {
  bookingMode: BookingMode = 'ok';
  /** Delay (ms) for the service list; large values keep the widget loading. */
  listDelayMs = 0;
  /** When set, the service list fails with this status. */
  listFailure?: number;
  /** When set, the slot list fails with this status. */
  slotsFailure?: number;
  /** What the service list answers (default: both services). */
  services: AppointmentService[] = SERVICES;
  readonly received: ReceivedRequest[] = [];
  readonly slots: Array<AppointmentSlot & { booked: number }>;
  readonly appointments = new Map<string, AppointmentPublic & { fullPhone: string }>();
  private releaseSlow: Array<() => void> = [];

  constructor() {
    const [first, second] = fakeSlotDays();
    this.slots = [
      slot('s-1', 'pension-check', first, '09:00', '09:30', 5, 5),
      slot('s-2', 'pension-check', first, '09:30', '10:00', 5, 3),
      slot('s-3', 'pension-check', first, '10:00', '10:30', 5, 0),
      slot('s-4', 'pension-check', second, '09:00', '09:30', 5, 1),
      slot('s-5', 'senior-card', first, '14:30', '15:00', 3, 0),
    ];
  }

  get bookings(): ReceivedRequest[] {
    return this.received.filter((request) => request.method === 'POST' && request.path === '/v1/appointments');
  }

  /** Lets a `slow` booking answer. */
  release(): void {
    this.releaseSlow.splice(0).forEach((release) => release());
  }

  /** Stores an appointment as if it had been booked earlier (for the manage flow). */
  seedAppointment(overrides: Partial<AppointmentPublic> = {}, phone = BOOKING_PHONE): AppointmentPublic {
    const slotRow = this.slots.find((candidate) => candidate.id === 's-2')!;
    slotRow.booked++;
    slotRow.remaining--;
    const appointment = {
      ...this.view('pension-check', 'on_site', slotRow.id, null, APPOINTMENT_CODE, phone),
      ...overrides,
    };
    this.appointments.set(appointment.code, { ...appointment, fullPhone: phone });
    return appointment;
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.clone().json() : undefined;
    this.received.push({ method: request.method, path: url.pathname, search: url.searchParams, headers: request.headers, body });
    const path = url.pathname;

    if (request.method === 'GET' && path === '/v1/appointments/services') {
      if (this.listDelayMs) await new Promise((resolve) => setTimeout(resolve, this.listDelayMs));
      if (this.listFailure) return json(this.listFailure, { error: { code: 'internal', message: 'Boom' } });
      return json(200, { services: this.services });
    }
    const slotsMatch = /^\/v1\/appointments\/services\/([^/]+)\/slots$/.exec(path);
    if (request.method === 'GET' && slotsMatch) {
      if (this.slotsFailure) return json(this.slotsFailure, { error: { code: 'internal', message: 'Boom' } });
      const slots = this.slots.filter((candidate) => candidate.serviceId === slotsMatch[1]).map(({ booked: _booked, ...rest }) => rest);
      return json(200, { slots });
    }
    if (request.method === 'POST' && path === '/v1/appointments') return this.book(body as Record<string, string>);
    const codeMatch = /^\/v1\/appointments\/([^/]+)(?:\/(cancel|reschedule))?$/.exec(path);
    if (codeMatch) return this.manage(decodeURIComponent(codeMatch[1]!), codeMatch[2], body as Record<string, string> | undefined);
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  };

  private view(serviceId: string, mode: 'on_site' | 'home_visit', slotId: string | null, preferredDate: string | null, code: string, phone: string): AppointmentPublic {
    const service = SERVICES.find((candidate) => candidate.id === serviceId)!;
    const slotRow = this.slots.find((candidate) => candidate.id === slotId);
    const now = toZonedIso(new Date());
    return {
      code,
      serviceId,
      serviceName: service.name,
      mode,
      status: 'booked',
      slot: slotRow ? { id: slotRow.id, startsAt: slotRow.startsAt, endsAt: slotRow.endsAt } : null,
      preferredDate,
      place: mode === 'on_site' ? service.place : null,
      materials: service.materials,
      name: '王**',
      phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      createdAt: now,
      updatedAt: now,
    };
  }

  private async book(body: Record<string, string>): Promise<Response> {
    switch (this.bookingMode) {
      case 'network':
        throw new TypeError('Failed to fetch');
      case 'server':
        return json(500, { error: { code: 'internal', message: 'Internal error' } });
      case 'full':
        return json(409, { error: { code: 'conflict', message: '这个时间段已经约满了', fields: { slotId: '这个时间段刚刚约满了，请另选一个。' } } });
      case 'validation':
        return json(422, { error: { code: 'unprocessable', message: '提交的内容无法处理', fields: { phone: '这个号码无法接收短信' } } });
      case 'slow':
        await new Promise<void>((resolve) => this.releaseSlow.push(resolve));
        break;
      case 'ok':
        break;
    }
    const slotRow = this.slots.find((candidate) => candidate.id === body.slotId);
    if (slotRow) {
      slotRow.booked++;
      slotRow.remaining--;
    }
    const appointment = this.view(body.serviceId!, body.mode as 'on_site', body.slotId ?? null, body.preferredDate ?? null, APPOINTMENT_CODE, body.phone!);
    this.appointments.set(appointment.code, { ...appointment, fullPhone: body.phone! });
    return json(201, appointment);
  }

  private manage(code: string, action: string | undefined, body: Record<string, string> | undefined): Response {
    const stored = this.appointments.get(code);
    if (!stored) return json(404, { error: { code: 'not_found', message: '没有找到这个预约码对应的预约，请核对后再试。' } });
    const { fullPhone, ...appointment } = stored;
    if (!action) return json(200, appointment);
    if (body?.phone?.replace(/\D/g, '') !== fullPhone.replace(/\D/g, '')) {
      return json(422, { error: { code: 'unprocessable', message: '无法处理', fields: { phone: '电话号码与预约时留的不一致。' } } });
    }
    if (action === 'cancel') {
      const cancelled = { ...appointment, status: 'cancelled' as const };
      this.appointments.set(code, { ...cancelled, fullPhone });
      return json(200, cancelled);
    }
    if (body.slotId) {
      const target = this.slots.find((candidate) => candidate.id === body.slotId);
      if (!target || target.remaining === 0) {
        return json(409, { error: { code: 'conflict', message: '已约满', fields: { slotId: '这个时间段刚刚约满了，请另选一个。' } } });
      }
      const moved = { ...appointment, slot: { id: target.id, startsAt: target.startsAt, endsAt: target.endsAt } };
      this.appointments.set(code, { ...moved, fullPhone });
      return json(200, moved);
    }
    const moved = { ...appointment, preferredDate: body.preferredDate ?? null };
    this.appointments.set(code, { ...moved, fullPhone });
    return json(200, moved);
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A client for the fake, with retries off so failures show at once. */
export function fakeAppointmentsClient(api: FakeAppointmentsApi) {
  return createClient({ baseUrl: 'http://doorstep.test', fetch: api.fetch as typeof fetch, retry: 0 });
}
