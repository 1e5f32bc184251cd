import 'server-only';
import type { z } from 'zod';
import { errorCode } from '@/db/client';
import type { StaffRole } from '@/db/schema';
import { defaultSentence, httpStatus, refuse, Refusal } from '@/lib/actions/refusal';
import { staffAllowed, staffStreamCaller, type StreamCaller } from '@/lib/auth/staff-session';
import { errorAnswer } from '@/lib/http/answer';
import { readJson } from '@/lib/http/read-json';
import { log } from '@/lib/log';
import { inStaffTransaction, type StaffWork } from '@/lib/staff/work';

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (request: Request, context?: RouteContext) => Promise<Response>;

type Common = {
  roles: readonly StaffRole[];
  /** The sentence when the work fails unexpectedly (503). */
  failed: string;
  /** A content-free name for the log line when the work fails. */
  event: string;
};

export type StaffRouteSpec<P extends z.ZodType, B extends z.ZodType> = Common & {
  stream?: false;
  /** The path's parameters; a bad one is a 404 with `missing`. */
  params?: P;
  missing?: string;
  /** The JSON body; a bad one is a 400 with the first problem's sentence. */
  body?: B;
  /** For a download: the sentence that refuses one started from another site (a link or form elsewhere). */
  sameSiteOnly?: string;
  /** Errors as `{ error }` JSON (default), or as a plain sentence for a download a person opened. */
  answer?: 'json' | 'text';
  /** The work, in one transaction with its access-log rows; `throw refuse(...)` to refuse. */
  run: (work: StaffWork & { request: Request; params: z.output<P>; body: z.output<B> }) => Promise<Response>;
};

/** An event stream outlives its request: no transaction; the caller carries its session to check again. */
export type StaffStreamSpec = Common & { stream: true; run: (ctx: { request: Request; who: StreamCaller }) => Promise<Response> };

/**
 * The one way to write a staff route handler. A handler is reachable without its page, so this
 * checks the caller's role first, parses the path and the body with zod, runs the work and its
 * access-log rows in one transaction, and answers every failure itself: a typed code as the
 * status and one Norwegian sentence, never the server's HTML error page or a stack trace.
 */
export function staffRoute<P extends z.ZodType = z.ZodUnknown, B extends z.ZodType = z.ZodUnknown>(spec: StaffRouteSpec<P, B>): RouteHandler;
export function staffRoute(spec: StaffStreamSpec): RouteHandler;
export function staffRoute(spec: StaffRouteSpec<z.ZodType, z.ZodType> | StaffStreamSpec): RouteHandler {
  const format = !spec.stream && spec.answer === 'text' ? 'text' : 'json';
  return async (request, context) => {
    try {
      if (spec.stream) {
        const who = await staffStreamCaller(request, spec.roles);
        if (!who) throw refuse('forbidden');
        return await spec.run({ request, who });
      }
      const who = await staffAllowed(spec.roles);
      if (!who) throw refuse('forbidden');
      const site = request.headers.get('sec-fetch-site');
      if (spec.sameSiteOnly && site && site !== 'same-origin' && site !== 'none') throw refuse('forbidden', spec.sameSiteOnly);
      const params = spec.params?.safeParse(await context?.params);
      if (params && !params.success) throw refuse('not_found', spec.missing);
      const body = spec.body ? await readJson(request, spec.body) : undefined;
      return await inStaffTransaction(who, (work) => spec.run({ ...work, request, params: params?.data, body }));
    } catch (err) {
      if (err instanceof Refusal) return errorAnswer(format, httpStatus[err.code], err.message);
      log.error(`${spec.event}.failed`, { code: errorCode(err) });
      return errorAnswer(format, httpStatus.unavailable, spec.failed || defaultSentence.unavailable);
    }
  };
}
