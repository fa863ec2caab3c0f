import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the connector, with its parsed JSON body. */
export interface RecordedActivity {
  readonly method: string;
  readonly path: string;
  /** The query string, e.g. `?tenantId=…` on meeting participant requests; empty when none. */
  readonly query: string;
  /** The conversation the request was about, when its path names one. */
  readonly conversationId?: string;
  /** The activity replied to, for `POST /v3/conversations/:id/activities/:activityId` (a PUT updates `id` itself). */
  readonly replyToId?: string;
  /** The id the stub answered with; undefined for requests it did not recognise (404). */
  readonly id?: string;
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** A running Bot Framework connector stub. */
export interface ConnectorStub {
  /** Use as the activities' `serviceUrl`. */
  readonly serviceUrl: string;
  readonly activities: RecordedActivity[];
  /**
   * Declares who is in a meeting: `GET /v1/meetings/:meetingId/participants/:aadObjectId` then answers with Teams'
   * TeamsMeetingParticipant for them, and 404 `NotFound` for anyone else; `GET /v1/meetings/:meetingId` answers
   * MeetingInfo naming the person with role `Organizer` (404 when nobody has it).
   */
  setMeetingParticipants(meetingId: string, people: readonly MeetingParticipant[]): void;
  /** Makes every meeting participant request fail with this status (e.g. 503), or answer normally again (undefined). */
  failMeetingRequests(status: number | undefined): void;
  /**
   * Makes the next `count` messages the bot sends (POST, typing aside) fail with 403, Teams' answer when the bot
   * may not post there (not a 5xx: the connector client would retry that, and the retry would succeed).
   */
  failNextSends(count: number): void;
  /**
   * Declares a team's roster: `GET /v3/conversations/:teamId/pagedmembers` then pages through it (`pageSize`,
   * `continuationToken`), and `GET /v3/conversations/:teamId/members/:id` (Teams id or Entra id) finds one member.
   */
  setTeamMembers(teamId: string, members: readonly TeamMember[]): void;
  /** Makes every team roster and member request fail with this status (e.g. 503), or answer normally (undefined). */
  failTeamRequests(status: number | undefined): void;
  /** Resolves with the first recorded request (past or future) matching `predicate`. */
  waitFor(predicate: (activity: RecordedActivity) => boolean, timeoutMs?: number): Promise<RecordedActivity>;
  clear(): void;
  stop(): Promise<void>;
}

/** A person in a meeting, as the stub reports them. */
export interface MeetingParticipant {
  readonly aadObjectId: string;
  readonly name: string;
  readonly role?: 'Organizer' | 'Presenter' | 'Attendee';
}

/** A team member, as the connector reports them (a TeamsChannelAccount). */
export interface TeamMember {
  readonly id: string;
  /** Absent for an account Teams knows without a Microsoft Entra id. */
  readonly aadObjectId?: string;
  readonly name: string;
  /** Teams' role for the account: a guest from another organization, or a user (the default). */
  readonly userRole?: 'user' | 'guest';
}

type Meetings = Map<string, readonly MeetingParticipant[]>;
type Teams = Map<string, readonly TeamMember[]>;

const account = (m: TeamMember) => ({
  userPrincipalName: `${m.aadObjectId ?? 'nobody'}@contoso.com`,
  userRole: 'user',
  ...m,
});

/** Answers the team roster calls the way Bot Framework does for Teams. */
function teamRoute(path: string, query: URLSearchParams, teams: Teams, failStatus?: number): Route | undefined {
  const paged = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/.exec(path);
  const one = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
  const teamId = decodeURIComponent((paged ?? one)?.[1] ?? '');
  const members = teams.get(teamId);
  if (!paged && !one) return undefined;
  if (failStatus !== undefined) return { status: failStatus, reply: { error: { code: 'ServiceError' } } };
  if (!members) return { status: 404, reply: { error: { code: 'ConversationNotFound', message: 'Team not found.' } } };
  if (one) {
    const id = decodeURIComponent(one[2] ?? '');
    const member = members.find((m) => m.id === id || m.aadObjectId === id);
    if (!member) return { status: 404, reply: { error: { code: 'MemberNotFound', message: 'Member not found.' } } };
    return { status: 200, reply: account(member) };
  }
  const size = Math.min(500, Number(query.get('pageSize') ?? 200) || 200);
  const from = Number(query.get('continuationToken') ?? 0) || 0;
  const next = from + size < members.length ? String(from + size) : undefined;
  return { status: 200, reply: { members: members.slice(from, from + size).map(account), continuationToken: next } };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw === '') return {};
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return { unparsed: raw };
  }
}

type Route = { status: number; id?: string; conversationId?: string; replyToId?: string; reply?: unknown };

const NOT_FOUND = (message: string): Route => ({ status: 404, reply: { error: { code: 'NotFound', message } } });

/** Answers `GET /v1/meetings/:meetingId` (MeetingInfo) the way Teams does; the organizer is the `Organizer` role. */
function meetingInfoRoute(meetingId: string, meetings: Meetings): Route {
  const organizer = meetings.get(meetingId)?.find((p) => p.role === 'Organizer');
  if (!organizer) return NOT_FOUND('Meeting not found.');
  const reply = {
    details: {
      id: meetingId,
      msGraphResourceId: '',
      scheduledStartTime: '2030-01-15T10:00:00Z',
      scheduledEndTime: '2030-01-15T10:45:00Z',
      joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(meetingId)}`,
      title: 'Intro 1:1',
      type: 'Scheduled',
    },
    conversation: { isGroup: true, conversationType: 'groupChat', id: `19:meeting_${meetingId}@thread.v2` },
    organizer: {
      id: `29:${organizer.aadObjectId}`,
      aadObjectId: organizer.aadObjectId,
      objectId: organizer.aadObjectId,
    },
  };
  return { status: 200, reply };
}

/** Answers `GET /v1/meetings/:meetingId[/participants/:participantId]` the way Teams does. */
function meetingRoute(path: string, meetings: Meetings, failStatus: number | undefined): Route | undefined {
  const match = /^\/v1\/meetings\/([^/]+)(?:\/participants\/([^/]+))?$/.exec(path);
  if (!match) return undefined;
  if (failStatus !== undefined) return { status: failStatus, reply: { error: { code: 'ServiceError' } } };
  const meetingId = decodeURIComponent(match[1] ?? '');
  if (match[2] === undefined) return meetingInfoRoute(meetingId, meetings);
  const participantId = decodeURIComponent(match[2]);
  const person = meetings.get(meetingId)?.find((p) => p.aadObjectId === participantId);
  if (!person) return NOT_FOUND('Participant not found.');
  const reply = {
    user: { id: `29:${person.aadObjectId}`, aadObjectId: person.aadObjectId, name: person.name, userRole: 'user' },
    meeting: { role: person.role ?? 'Attendee', inMeeting: true },
    conversation: { id: `19:meeting_${meetingId}@thread.v2`, isGroup: true, conversationType: 'groupChat' },
  };
  return { status: 200, reply };
}

/** Sends (POST) or updates (PUT, the activity's own id) an activity, or creates a conversation. */
function route(method: string, path: string): Route {
  if (method === 'POST' && path === '/v3/conversations') return { status: 200, id: `a:new-conv-${randomUUID()}` };
  const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
  if (!match) return { status: 404 };
  const conversationId = decodeURIComponent(match[1] ?? '');
  const activityId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
  if (method === 'PUT' && activityId !== undefined) return { status: 200, id: activityId, conversationId };
  if (method !== 'POST') return { status: 404 };
  return { status: 200, id: `stub-${randomUUID()}`, conversationId, replyToId: activityId };
}

/** Starts a connector stub on 127.0.0.1 at a random port that records what the bot sends and answers like Bot Framework. */
export async function startConnectorStub(): Promise<ConnectorStub> {
  const activities: RecordedActivity[] = [];
  const listeners = new Set<() => void>();
  const meetings: Meetings = new Map();
  const teams: Teams = new Map();
  let meetingFailure: number | undefined;
  let teamFailure: number | undefined;
  let sendFailures = 0;
  const failSend = (method: string, path: string, body: unknown): Route | undefined => {
    const message = (body as { type?: unknown } | undefined)?.type === 'message';
    if (sendFailures === 0 || method !== 'POST' || !path.includes('/activities') || !message) return undefined;
    sendFailures -= 1;
    return { status: 403, reply: { error: { code: 'ConversationBlockedByUser', message: 'injected by the test' } } };
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void readJson(req).then((body) => {
      const { pathname: path, search: query } = new URL(req.url ?? '/', 'http://stub');
      const method = req.method ?? 'GET';
      const found =
        failSend(method, path, body) ??
        ((method === 'GET' &&
          (meetingRoute(path, meetings, meetingFailure) ??
            teamRoute(path, new URLSearchParams(query), teams, teamFailure))) ||
          route(method, path));
      const { status, reply, ...ids } = found;
      activities.push({ method, path, query, status, body, ...ids });
      res.writeHead(status, { 'content-type': 'application/json' });
      const fallback = status === 200 ? { id: ids.id } : { error: { code: 'NotFound', message: path } };
      res.end(JSON.stringify(reply ?? fallback));
      listeners.forEach((notify) => notify());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const waitFor = (predicate: (activity: RecordedActivity) => boolean, timeoutMs = 3000) =>
    new Promise<RecordedActivity>((resolve, reject) => {
      const check = (): boolean => {
        const found = activities.find(predicate);
        if (!found) return false;
        clearTimeout(timer);
        listeners.delete(onRecord);
        resolve(found);
        return true;
      };
      const onRecord = (): void => void check();
      const timer = setTimeout(() => {
        listeners.delete(onRecord);
        reject(
          new Error(`connector stub: nothing matched within ${timeoutMs} ms; recorded ${JSON.stringify(activities)}`),
        );
      }, timeoutMs);
      listeners.add(onRecord);
      check();
    });

  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    activities,
    setMeetingParticipants: (meetingId, people) => void meetings.set(meetingId, people),
    setTeamMembers: (teamId, members) => void teams.set(teamId, members),
    failTeamRequests: (status) => {
      teamFailure = status;
    },
    failMeetingRequests: (status) => {
      meetingFailure = status;
    },
    failNextSends: (count) => {
      sendFailures = count;
    },
    waitFor,
    clear: () => void activities.splice(0, activities.length),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
