import { addDays, calendarDateOf, createClient, toZonedIso, zonedInstant, type EventPublic, type EventRegistrationPublic } from '@doorstep/sdk';
import type { ReceivedRequest } from './fake-api.js';

/** What the fake does with the next sign-up. */
export type SignUpMode = 'ok' | 'server' | 'network' | 'slow' | 'taken';

export const REGISTRATION_CODE = 'EV-7K2M-9QX4';
export const SIGNUP_PHONE = '13912345678';

function event(id: string, daysAhead: number, overrides: Partial<EventPublic>): EventPublic {
  const date = addDays(calendarDateOf(new Date()), daysAhead);
  return {
    id,
    areaId: 'c-1',
    title: { 'zh-CN': '活动', en: 'Event' },
    place: { 'zh-CN': '社区活动室', 'zh-TW': '社區活動室', en: 'Community room' },
    audience: { 'zh-CN': '所有居民', 'zh-TW': '所有居民', en: 'Everyone' },
    startsAt: toZonedIso(zonedInstant(date, '09:30')),
    endsAt: toZonedIso(zonedInstant(date, '11:00')),
    capacity: 20,
    seatsLeft: 8,
    waitlisted: 0,
    maxPartySize: 3,
    asksChildrenAges: false,
    status: 'scheduled',
    registrationOpen: true,
    ...overrides,
  };
}

/** The fake's events: one with seats and children's ages, one full with a queue, one cancelled. */
export function fakeEvents(): EventPublic[] {
  return [
    event('ev-reading', 3, {
      title: { 'zh-CN': '周末亲子阅读会', 'zh-TW': '週末親子閱讀會', en: 'Weekend parent-child reading' },
      audience: { 'zh-CN': '3–6 岁儿童及家长', 'zh-TW': '3–6 歲兒童及家長', en: 'Children aged 3–6 with a parent' },
      description: { 'zh-CN': '志愿者老师带孩子们读绘本。', 'zh-TW': '志工老師帶孩子們讀繪本。', en: 'Volunteers read picture books with the children.' },
      asksChildrenAges: true,
    }),
    event('ev-paper-cutting', 5, {
      title: { 'zh-CN': '剪纸兴趣班', 'zh-TW': '剪紙興趣班', en: 'Paper-cutting class' },
      capacity: 6,
      seatsLeft: 0,
      waitlisted: 2,
      maxPartySize: 2,
    }),
    event('ev-cancelled', 6, {
      title: { 'zh-CN': '广场舞交流会', 'zh-TW': '廣場舞交流會', en: 'Square dance meet-up' },
      status: 'cancelled',
      registrationOpen: false,
    }),
  ];
}

/** An in-memory events API behind a `fetch`, recording what it received. */
export class FakeEventsApi {
  signUpMode: SignUpMode = 'ok';
  listDelayMs = 0;
  listFailure?: number;
  calendarFailure?: number;
  events: EventPublic[] = fakeEvents();
  readonly received: ReceivedRequest[] = [];
  readonly registrations = new Map<string, EventRegistrationPublic & { fullPhone: string }>();
  private releaseSlow: Array<() => void> = [];

  get signUps(): ReceivedRequest[] {
    return this.received.filter((request) => request.method === 'POST' && request.path.endsWith('/registrations'));
  }

  release(): void {
    this.releaseSlow.splice(0).forEach((release) => release());
  }

  /** A registration made earlier, for the look-up and cancel flow. */
  seedRegistration(status: EventRegistrationPublic['status'] = 'confirmed'): EventRegistrationPublic {
    const registration = this.view(this.events[0]!, REGISTRATION_CODE, SIGNUP_PHONE, 2, [4], status === 'waitlisted' ? 1 : null);
    const stored = { ...registration, status, fullPhone: SIGNUP_PHONE };
    this.registrations.set(registration.code, stored);
    const { fullPhone: _phone, ...view } = stored;
    return view;
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.clone().json() : undefined;
    this.received.push({ method: request.method, path: url.pathname, search: url.searchParams, headers: request.headers, body });
    const path = url.pathname;

    if (request.method === 'GET' && path === '/v1/events') {
      if (this.listDelayMs) await new Promise((resolve) => setTimeout(resolve, this.listDelayMs));
      if (this.listFailure) return json(this.listFailure, { error: { code: 'internal', message: 'Boom' } });
      return json(200, { events: this.events });
    }
    const calendar = /^\/v1\/events\/([^/]+)\/calendar\.ics$/.exec(path);
    if (calendar) {
      if (this.calendarFailure) return json(this.calendarFailure, { error: { code: 'internal', message: 'Boom' } });
      return new Response(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nUID:event-${calendar[1]}@doorstep\r\nEND:VCALENDAR\r\n`, {
        headers: { 'content-type': 'text/calendar; charset=utf-8' },
      });
    }
    const signUp = /^\/v1\/events\/([^/]+)\/registrations$/.exec(path);
    if (request.method === 'POST' && signUp) return this.signUp(signUp[1]!, body as Record<string, unknown>);
    const registration = /^\/v1\/event-registrations\/([^/]+)(\/cancel)?$/.exec(path);
    if (registration) return this.manage(decodeURIComponent(registration[1]!), Boolean(registration[2]), body as Record<string, string>);
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  };

  private view(
    target: EventPublic,
    code: string,
    phone: string,
    people: number,
    childrenAges: number[],
    waitlistPosition: number | null,
  ): EventRegistrationPublic {
    const now = toZonedIso(new Date());
    return {
      code,
      eventId: target.id,
      eventTitle: target.title,
      startsAt: target.startsAt,
      endsAt: target.endsAt,
      place: target.place,
      status: waitlistPosition === null ? 'confirmed' : 'waitlisted',
      waitlistPosition,
      people,
      childrenAges,
      name: '李*',
      phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      createdAt: now,
      updatedAt: now,
    };
  }

  private async signUp(eventId: string, body: Record<string, unknown>): Promise<Response> {
    switch (this.signUpMode) {
      case 'network':
        throw new TypeError('Failed to fetch');
      case 'server':
        return json(500, { error: { code: 'internal', message: 'Internal error' } });
      case 'taken':
        return json(409, { error: { code: 'conflict', message: '已报名', fields: { phone: '这个电话号码已经报名了这个活动。' } } });
      case 'slow':
        await new Promise<void>((resolve) => this.releaseSlow.push(resolve));
        break;
      case 'ok':
        break;
    }
    const target = this.events.find((candidate) => candidate.id === eventId)!;
    const full = target.seatsLeft === 0 || target.waitlisted > 0;
    const registration = this.view(
      target,
      REGISTRATION_CODE,
      String(body.phone),
      Number(body.people),
      (body.childrenAges as number[] | undefined) ?? [],
      full ? target.waitlisted + 1 : null,
    );
    this.registrations.set(registration.code, { ...registration, fullPhone: String(body.phone) });
    return json(201, registration);
  }

  private manage(code: string, cancel: boolean, body: Record<string, string> | undefined): Response {
    const stored = this.registrations.get(code);
    if (!stored) return json(404, { error: { code: 'not_found', message: '没有找到这个报名码对应的报名，请核对后再试。' } });
    const { fullPhone, ...view } = stored;
    if (!cancel) return json(200, view);
    if (body?.phone?.replace(/\D/g, '') !== fullPhone.replace(/\D/g, '')) {
      return json(422, { error: { code: 'unprocessable', message: '无法处理', fields: { phone: '电话号码与报名时留的不一致。' } } });
    }
    const cancelled = { ...view, status: 'cancelled' as const, waitlistPosition: null };
    this.registrations.set(code, { ...cancelled, fullPhone });
    return json(200, cancelled);
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function fakeEventsClient(api: FakeEventsApi) {
  return createClient({ baseUrl: 'http://doorstep.test', fetch: api.fetch as typeof fetch, retry: 0 });
}
