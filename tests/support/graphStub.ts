import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { GraphConfig } from '../../src/config';

/** One request the stub received, as it arrived. */
export interface GraphRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

/** A scripted failure: the next `times` requests matching `method` and `path` get it instead of an answer. */
export interface GraphFailure {
  readonly method: string;
  readonly path: RegExp;
  readonly status: 403 | 429 | 500;
  readonly retryAfter?: number;
  readonly times?: number;
}

/** A user in the stub's directory. */
export interface GraphUser {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string | null;
  readonly userPrincipalName: string;
}

/** A local Microsoft Graph and Entra token endpoint that accept only the documented request shapes. */
export interface GraphStub {
  /** e.g. http://127.0.0.1:1234/v1.0 (GRAPH_BASE_URL) */
  readonly baseUrl: string;
  /** e.g. http://127.0.0.1:1234 (GRAPH_AUTHORITY_HOST) */
  readonly authorityHost: string;
  readonly requests: GraphRequest[];
  /** Graph requests only (not the token endpoint), as `METHOD /path`. */
  calls(): string[];
  fail(failure: GraphFailure): void;
  addUser(user: GraphUser): void;
  /** Marks a calendar (by its SMTP address) busy; `getSchedule` then reports these items. */
  setBusy(address: string, items: readonly GraphBusyItem[]): void;
  stop(): Promise<void>;
}

/** The app's Graph settings pointed at a stub, for `startTestApp(env, { config: { graph } })`. */
export function graphConfigFor(stub: GraphStub, tenantId: string): GraphConfig {
  return {
    clientId: 'aaaa1111-2222-4333-8444-555566667777',
    clientSecret: 'graph-secret',
    tenantId,
    baseUrl: stub.baseUrl,
    authorityHost: stub.authorityHost,
  };
}

/** A busy block in a stub calendar, in UTC. */
export interface GraphBusyItem {
  readonly start: string;
  readonly end: string;
  readonly status?: 'busy' | 'tentative' | 'oof' | 'free' | 'workingElsewhere';
}

const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';
const APP_BIND = /^https:\/\/graph\.microsoft\.com\/v1\.0\/appCatalogs\/teamsApps\/[^/]+$/;
const dateTimeZone = z.object({
  dateTime: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/),
  timeZone: z.string().min(1),
});
const eventSchema = z
  .object({
    subject: z.string().min(1),
    start: dateTimeZone,
    end: dateTimeZone,
    attendees: z
      .array(
        z.object({
          emailAddress: z.object({ address: z.string().email().optional(), name: z.string().min(1) }).strict(),
          type: z.enum(['required', 'optional', 'resource']),
        }),
      )
      .min(1),
    isOnlineMeeting: z.literal(true),
    onlineMeetingProvider: z.literal('teamsForBusiness'),
  })
  .passthrough();
const installSchema = z.object({ 'teamsApp@odata.bind': z.string().regex(APP_BIND) }).strict();
const tabSchema = z
  .object({
    displayName: z.string().min(1),
    'teamsApp@odata.bind': z.string().regex(APP_BIND),
    configuration: z
      .object({
        entityId: z.string().min(1),
        contentUrl: z.string().url(),
        websiteUrl: z.string().url().optional(),
        removeUrl: z.string().url().optional(),
      })
      .strict(),
  })
  .strict();
const tokenSchema = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  scope: z.literal('https://graph.microsoft.com/.default'),
  grant_type: z.literal('client_credentials'),
});

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

const graphError = (status: number, code: string, message: string): Answer => ({
  status,
  body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': 'stub' } } },
});
const badRequest = (error: z.ZodError): Answer =>
  graphError(400, 'BadRequest', error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));

const scheduleSchema = z
  .object({
    schedules: z.array(z.string().email()).min(1).max(20),
    startTime: dateTimeZone,
    endTime: dateTimeZone,
    availabilityViewInterval: z.number().int().min(5).max(1440).optional(),
  })
  .strict();

/** Answers `POST /users/{id}/calendar/getSchedule` as Graph does: one scheduleInformation per address asked for. */
function getSchedule(body: unknown, busy: ReadonlyMap<string, readonly GraphBusyItem[]>): Answer {
  const parsed = scheduleSchema.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error);
  const wall = (iso: string) => new Date(iso).toISOString().replace('Z', '0000');
  const value = parsed.data.schedules.map((scheduleId) => {
    const items = busy.get(scheduleId.toLowerCase());
    if (!items)
      return { scheduleId, error: { message: 'The mailbox was not found.', responseCode: 'ErrorMailboxNotFound' } };
    return {
      scheduleId,
      availabilityView: '',
      scheduleItems: items.map((item) => ({
        isPrivate: false,
        status: item.status ?? 'busy',
        start: { dateTime: wall(item.start), timeZone: 'UTC' },
        end: { dateTime: wall(item.end), timeZone: 'UTC' },
      })),
    };
  });
  return { status: 200, body: { value } };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the stub on 127.0.0.1 at a random port. */
export async function startGraphStub(): Promise<GraphStub> {
  const requests: GraphRequest[] = [];
  const failures: GraphFailure[] = [];
  const users = new Map<string, GraphUser>();
  const meetings = new Map<string, { id: string; threadId: string }>();
  const installed = new Map<string, Set<string>>();
  const busy = new Map<string, readonly GraphBusyItem[]>();
  let seq = 0;
  let origin = '';

  function token(body: string): Answer {
    const form = tokenSchema.safeParse(Object.fromEntries(new URLSearchParams(body)));
    if (!form.success)
      return { status: 400, body: { error: 'invalid_request', error_description: form.error.message } };
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'stub-token' },
    };
  }

  function createEvent(body: unknown): Answer {
    const parsed = eventSchema.safeParse(body);
    if (!parsed.success) return badRequest(parsed.error);
    const id = `AAMk-stub-${++seq}`;
    const threadId = `19:meeting_stub${seq}@thread.v2`;
    const joinUrl = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(threadId)}/0?context=%7b%22Tid%22%3a%22stub%22%7d`;
    meetings.set(joinUrl, { id: `MSo-stub-${seq}`, threadId });
    return { status: 201, body: { ...parsed.data, id, onlineMeeting: { joinUrl } } };
  }

  function findMeeting(filter: string | undefined): Answer {
    const match = /^JoinWebUrl eq '((?:[^']|'')*)'$/i.exec(filter ?? '');
    if (!match) return graphError(400, 'BadRequest', "Filter must be: JoinWebUrl eq '<url>'.");
    const joinWebUrl = match[1]!.replace(/''/g, "'");
    const meeting = meetings.get(joinWebUrl);
    const value = meeting
      ? [{ id: meeting.id, joinWebUrl, chatInfo: { threadId: meeting.threadId, messageId: '0' } }]
      : [];
    return { status: 200, body: { '@odata.context': `${GRAPH_ROOT}/$metadata#Collection(onlineMeeting)`, value } };
  }

  function chatCall(method: string, chatId: string, what: string, body: unknown): Answer {
    const apps = installed.get(chatId);
    if (!apps) return graphError(404, 'NotFound', `Chat ${chatId} not found.`);
    if (what === 'installedApps') {
      const parsed = installSchema.safeParse(body);
      if (!parsed.success) return badRequest(parsed.error);
      apps.add(parsed.data['teamsApp@odata.bind']);
      return { status: 201 };
    }
    const parsed = tabSchema.safeParse(body);
    if (!parsed.success) return badRequest(parsed.error);
    if (!apps.has(parsed.data['teamsApp@odata.bind'])) {
      return graphError(400, 'BadRequest', 'The app must be installed in the chat before its tab is added.');
    }
    return {
      status: 201,
      body: { id: `tab-${++seq}`, displayName: parsed.data.displayName, configuration: parsed.data.configuration },
    };
  }

  function route(req: GraphRequest): Answer {
    const { method, path } = req;
    if (method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)) return token(String(req.body));
    if (req.headers.authorization !== 'Bearer stub-token') {
      return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    }
    const failure = failures.find((f) => f.method === method && f.path.test(path) && (f.times ?? 1) > 0);
    if (failure) {
      failures.splice(failures.indexOf(failure), 1, { ...failure, times: (failure.times ?? 1) - 1 });
      if (failure.status === 429) {
        return {
          ...graphError(429, 'TooManyRequests', 'Too many requests.'),
          headers: { 'retry-after': String(failure.retryAfter ?? 1) },
        };
      }
      if (failure.status === 403)
        return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      return graphError(500, 'InternalServerError', 'Something went wrong.');
    }
    let m: RegExpExecArray | null;
    if (method === 'POST' && (m = /^\/v1\.0\/users\/([^/]+)\/events$/.exec(path))) return createEvent(req.body);
    if (method === 'POST' && /^\/v1\.0\/users\/[^/]+\/calendar\/getSchedule$/.test(path)) {
      return getSchedule(req.body, busy);
    }
    if (method === 'GET' && /^\/v1\.0\/users\/[^/]+\/onlineMeetings$/.test(path))
      return findMeeting(req.query['$filter']);
    if (method === 'GET' && (m = /^\/v1\.0\/users\/([^/]+)$/.exec(path))) {
      const user = users.get(decodeURIComponent(m[1]!));
      return user ? { status: 200, body: user } : graphError(404, 'Request_ResourceNotFound', 'User not found.');
    }
    if (method === 'POST' && (m = /^\/v1\.0\/chats\/([^/]+)\/(installedApps|tabs)$/.exec(path))) {
      return chatCall(method, decodeURIComponent(m[1]!), m[2]!, req.body);
    }
    return graphError(400, 'BadRequest', `Unsupported request: ${method} ${path}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const raw = await readBody(req);
    let body: unknown = raw;
    if ((req.headers['content-type'] ?? '').includes('application/json')) {
      try {
        body = raw === '' ? undefined : JSON.parse(raw);
      } catch {
        body = Symbol('invalid json');
      }
    }
    const recorded = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
    };
    requests.push(recorded);
    const answer = route(recorded);
    for (const chat of meetings.values()) if (!installed.has(chat.threadId)) installed.set(chat.threadId, new Set());
    const headers: Record<string, string> = { ...answer.headers };
    if (answer.body !== undefined) headers['content-type'] = 'application/json';
    // Two calls: restify (loaded in the same process) replaces writeHead with one that returns nothing.
    res.writeHead(answer.status, headers);
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: `${origin}/v1.0`,
    authorityHost: origin,
    requests,
    calls: () => requests.filter((r) => r.path.startsWith('/v1.0/')).map((r) => `${r.method} ${r.path}`),
    fail: (failure) => failures.push(failure),
    addUser: (user) => users.set(user.id, user),
    setBusy: (address, items) => void busy.set(address.toLowerCase(), items),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
