import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createSession, createStaff } from '@/db/queries/staff';
import { accessLog } from '@/db/schema';
import { cookieNames, handlers } from '@/lib/auth/next-auth';
import { appClock } from '@/lib/clock';
import { databaseTargets } from '@/test/database-targets';
import { testSecrets } from '@/test/test-db';

/**
 * Signing out goes through Auth.js; its signOut event ends the database session and writes
 * one sign_out row: the person, the event, no object, no address.
 */
const base = 'http://127.0.0.1/api/auth';

describe.each(databaseTargets())('signing out on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('writes one sign_out row for the person who signed out', async () => {
    const db = await getDb();
    const now = appClock().now();
    const { id } = await createStaff(db, { email: 'ut@example.org', name: 'Ut', role: 'adviser', passwordHash: null, totpSecret: null, now });
    const sid = await createSession(db, { staffId: id, now, limits: { idleMinutes: 15, absoluteHours: 8 } });
    const names = cookieNames();
    const session = await encode({ token: { sid, sub: id, name: 'Ut' }, secret: testSecrets.AUTH_SECRET, salt: names.session });

    const csrfRes = await handlers.GET(new NextRequest(`${base}/csrf`));
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const csrfCookie = /hl-csrf=([^;]+)/.exec(csrfRes.headers.get('set-cookie') ?? '')![1];
    const res = await handlers.POST(
      new NextRequest(`${base}/signout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${names.csrf}=${csrfCookie}; ${names.session}=${session}` },
        body: new URLSearchParams({ csrfToken }).toString(),
      }),
    );
    expect(res.status).toBe(302);
    const rows = await db.select().from(accessLog).where(eq(accessLog.staffId, id));
    expect(rows).toEqual([{ id: expect.any(Number), at: expect.any(Date), staffId: id, action: 'sign_out', objectType: null, objectId: null }]);
  });
});
