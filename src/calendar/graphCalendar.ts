import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import type { Calendar, CalendarEntry } from '../app/ports';
import type { Intro } from '../domain/intro';
import { fail, ok, type Result } from '../domain/result';

/** How the Graph calendar reaches Microsoft Graph with the app's own (client credentials) identity. */
export interface GraphCalendarOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenantId: string;
  /** e.g. https://graph.microsoft.com/v1.0 */
  readonly baseUrl: string;
  /** e.g. https://login.microsoftonline.com */
  readonly authorityHost: string;
  /** The Teams app to install in the meeting chat; without it the chat is left as is. */
  readonly teamsAppId?: string;
  /** The tab pinned in the meeting chat. */
  readonly contentUrl: string;
}

function tokenSource(options: GraphCalendarOptions): () => Promise<string> {
  let cached: { token: string; until: number } | undefined;
  return async () => {
    if (cached && cached.until > Date.now()) return cached.token;
    const response = await fetch(`${options.authorityHost}/${options.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: options.clientId,
        client_secret: options.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
        grant_type: 'client_credentials',
      }),
    });
    if (!response.ok) throw new Error(`Token request failed with ${response.status}.`);
    const body = (await response.json()) as { access_token: string; expires_in: number };
    cached = { token: body.access_token, until: Date.now() + (body.expires_in - 60) * 1000 };
    return body.access_token;
  };
}

function graphClient(options: GraphCalendarOptions): Client {
  const url = new URL(options.baseUrl);
  const version = url.pathname.replace(/^\/+|\/+$/g, '') || 'v1.0';
  const getToken = tokenSource(options);
  return Client.init({
    baseUrl: `${url.protocol}//${url.host}/`,
    defaultVersion: version,
    authProvider: (done) => {
      getToken().then(
        (token) => done(null, token),
        (error: Error) => done(error, null),
      );
    },
  });
}

function eventBody(intro: Intro) {
  const start = Date.parse(intro.scheduledStart ?? intro.createdAt);
  const end = start + intro.durationMinutes * 60_000;
  const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '');
  return {
    subject: `Intro 1:1: ${intro.leader.name}${intro.member ? ` and ${intro.member.name}` : ''}`,
    body: { contentType: 'text', content: 'Getting to know each other: goals, how it is going, feedback.' },
    start: { dateTime: iso(start), timeZone: 'UTC' },
    end: { dateTime: iso(end), timeZone: 'UTC' },
    attendees: [intro.member, intro.leader].flatMap((person) =>
      person ? [{ emailAddress: { address: person.id, name: person.name }, type: 'required' }] : [],
    ),
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    allowNewTimeProposals: true,
  };
}

async function pinApp(client: Client, options: GraphCalendarOptions, chatId: string): Promise<void> {
  if (!options.teamsAppId) return;
  const app = `${options.baseUrl}/appCatalogs/teamsApps/${options.teamsAppId}`;
  await client.api(`/chats/${encodeURIComponent(chatId)}/installedApps`).post({ 'teamsApp@odata.bind': app });
  await client.api(`/chats/${encodeURIComponent(chatId)}/tabs`).post({
    displayName: 'Intro 1:1',
    'teamsApp@odata.bind': app,
    configuration: { entityId: 'intro-meeting', contentUrl: options.contentUrl, websiteUrl: options.contentUrl },
  });
}

function refusal(error: unknown): Result<never, 'forbidden' | 'unavailable'> {
  if (error instanceof GraphError && error.statusCode === 403) {
    return fail(
      'forbidden',
      'I am not allowed to create meetings on your calendar (the app needs the Calendars.ReadWrite permission). Ask your admin, or schedule without Teams.',
    );
  }
  return fail('unavailable', 'Your calendar is not reachable right now. Please try again in a few minutes.');
}

/** Creates the Teams meeting on the leader's calendar, finds its chat, installs the app there and pins the tab. */
export function graphCalendar(options: GraphCalendarOptions): Calendar {
  const client = graphClient(options);
  return {
    schedule: async (intro) => {
      try {
        const leader = encodeURIComponent(intro.leader.id);
        const event = (await client.api(`/users/${leader}/events`).post(eventBody(intro))) as {
          id?: string;
          onlineMeeting?: { joinUrl?: string };
        };
        const joinUrl = event.onlineMeeting?.joinUrl;
        const entry: CalendarEntry = joinUrl ? { joinUrl } : {};
        if (!joinUrl) return ok(entry);
        const found = (await client
          .api(`/users/${leader}/onlineMeetings`)
          .filter(`JoinWebUrl eq '${joinUrl.replace(/'/g, "''")}'`)
          .get()) as { value?: { id?: string; chatInfo?: { threadId?: string } }[] };
        const meeting = found.value?.[0];
        const chatId = meeting?.chatInfo?.threadId;
        if (chatId) await pinApp(client, options, chatId);
        return ok({ ...entry, ...(chatId ? { chatId } : {}), ...(meeting?.id ? { meetingId: meeting.id } : {}) });
      } catch (error) {
        return refusal(error);
      }
    },
  };
}
