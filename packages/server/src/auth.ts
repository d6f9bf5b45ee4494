import { createHash, timingSafeEqual } from 'node:crypto';
import type { StaffRole } from '@doorstep/sdk';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/** One configured staff token: who holds it (recorded as the actor of what they do) and what it may do. */
export interface StaffToken {
  token: string;
  /** Shown in timelines and audit trails, e.g. "王主任" or "网格员 3". */
  name: string;
  roles: StaffRole[];
}

/** The staff member a request was authenticated as; routes read it with `c.get('staff')`. */
export interface StaffMember {
  name: string;
  roles: StaffRole[];
}

export type StaffEnv = { Variables: { staff: StaffMember } };

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Requires `Authorization: Bearer <token>` naming a configured token that holds `role` (or `admin`).
 * No or an unknown token → 401 with `WWW-Authenticate: Bearer`; a known token without the role → 403.
 * Tokens are compared as SHA-256 digests in constant time, so timing does not reveal a token.
 */
export function requireStaff(tokens: readonly StaffToken[], role: StaffRole): MiddlewareHandler<StaffEnv> {
  const known = tokens.map((entry) => ({ digest: digest(entry.token), member: { name: entry.name, roles: entry.roles } }));
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    const presented = match ? digest(match[1]!) : undefined;
    const member = presented && known.find((entry) => timingSafeEqual(entry.digest, presented))?.member;
    if (!member) {
      c.header('WWW-Authenticate', `Bearer realm="doorstep"${match ? ', error="invalid_token"' : ''}`);
      throw new ApiError(401, 'unauthorized', 'unauthorized');
    }
    if (!member.roles.includes('admin') && !member.roles.includes(role)) {
      throw new ApiError(403, 'forbidden', 'forbidden', undefined, { role });
    }
    c.set('staff', member);
    await next();
  };
}
