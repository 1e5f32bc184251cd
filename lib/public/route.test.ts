import { describe, expect, it } from 'vitest';
import { refuse } from '@/lib/actions/refusal';
import { json } from '@/lib/http/answer';
import { publicRoute } from './route';

/** A public handler's failure is JSON with a calm Norwegian sentence, never HTML or the error. */
describe('publicRoute', () => {
  const calm = 'Chatten svarer ikke akkurat nå. Prøv igjen om litt.';
  const handler = (work: () => Promise<Response>) => publicRoute({ event: 'test', failed: calm, run: work });
  const request = new Request('http://127.0.0.1/chat/api/test', { method: 'POST' });

  it('passes the answer through when the work succeeds', async () => {
    const response = await handler(async () => json({ seq: 3 }, { status: 201 }))(request);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ seq: 3 });
  });

  it('answers anything thrown with 503 JSON and the calm sentence only', async () => {
    const response = await handler(async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    })(request);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: calm });
    expect(text).not.toMatch(/ECONNREFUSED|5432|<html/);
  });

  it('answers a refusal with its status and sentence', async () => {
    const response = await handler(async () => {
      throw refuse('too_many', 'Vent litt.');
    })(request);
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ error: 'Vent litt.' });
  });
});
