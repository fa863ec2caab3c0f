import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { Calendar, CalendarEntry } from '../app/ports';
import type { Intro, Person } from '../domain/intro';
import { fail, ok, type Result } from '../domain/result';
import { graphClient, type GraphClientOptions } from './graphClient';

/** The Graph calendar's settings: Graph access, the Teams app to install in the meeting chat, and its tab. */
export interface GraphCalendarOptions extends GraphClientOptions {
  /** The Teams app (its catalog id) to install in the meeting chat; without it the chat is left as is. */
  readonly teamsAppId?: string;
  /** The meeting tab's content URL, as the app's configuration page sets it (read when scheduling). */
  readonly contentUrl: () => string;
  /** Told when a step after the event was created fails (the event still counts). */
  readonly onWarning?: (message: string, error: unknown) => void;
}

/** Graph expects the app bind to name the global catalog, whatever host the client talks to. */
const CATALOG = 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps';
/** The entity id the configuration page gives the meeting tab; Graph wants the same values. */
const TAB_ENTITY_ID = 'intro-1-1';

const FORBIDDEN_MESSAGE =
  'I am not allowed to create meetings on your calendar: the Intro 1:1 app needs the Calendars.ReadWrite application permission with admin consent. Ask your Teams admin, or schedule without a Teams meeting.';

async function attendee(client: Client, person: Person) {
  try {
    const user = (await client
      .api(`/users/${encodeURIComponent(person.id)}`)
      .select('mail,userPrincipalName')
      .get()) as {
      mail?: string | null;
      userPrincipalName?: string;
    };
    const address = user.mail ?? user.userPrincipalName;
    return { emailAddress: { ...(address ? { address } : {}), name: person.name }, type: 'required' };
  } catch {
    // Without User.Read.All the person is invited by name; Outlook resolves it when it can.
    return { emailAddress: { name: person.name }, type: 'required' };
  }
}

async function eventBody(client: Client, intro: Intro) {
  const start = Date.parse(intro.scheduledStart ?? intro.createdAt);
  const end = start + intro.durationMinutes * 60_000;
  const local = (ms: number) => new Date(ms).toISOString().replace('Z', '');
  return {
    subject: `Intro 1:1: ${intro.leader.name}${intro.member ? ` and ${intro.member.name}` : ''}`,
    body: { contentType: 'text', content: 'Getting to know each other: goals, how it is going, feedback.' },
    start: { dateTime: local(start), timeZone: 'UTC' },
    end: { dateTime: local(end), timeZone: 'UTC' },
    // The leader organises the event, so only the member is an attendee.
    attendees: intro.member ? [await attendee(client, intro.member)] : [],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    allowNewTimeProposals: true,
  };
}

async function meetingChat(client: Client, leader: string, joinUrl: string) {
  const found = (await client
    .api(`/users/${leader}/onlineMeetings`)
    // The SDK puts $filter in the URL as is; the join URL has its own %-escapes, ? and &, so encode it whole.
    .filter(encodeURIComponent(`JoinWebUrl eq '${joinUrl.replace(/'/g, "''")}'`))
    .get()) as { value?: { id?: string; chatInfo?: { threadId?: string } }[] };
  const meeting = found.value?.[0];
  return { meetingId: meeting?.id, chatId: meeting?.chatInfo?.threadId };
}

async function pinApp(client: Client, options: GraphCalendarOptions, appId: string, chatId: string): Promise<void> {
  const bind = `${CATALOG}/${encodeURIComponent(appId)}`;
  const chat = `/chats/${encodeURIComponent(chatId)}`;
  await client.api(`${chat}/installedApps`).post({ 'teamsApp@odata.bind': bind });
  const contentUrl = options.contentUrl();
  await client.api(`${chat}/tabs`).post({
    displayName: 'Intro 1:1',
    'teamsApp@odata.bind': bind,
    configuration: { entityId: TAB_ENTITY_ID, contentUrl, websiteUrl: contentUrl },
  });
}

function refusal(error: unknown): Result<never, 'forbidden' | 'unavailable'> {
  if (error instanceof GraphError && (error.statusCode === 403 || error.statusCode === 401)) {
    return fail('forbidden', FORBIDDEN_MESSAGE);
  }
  return fail('unavailable', 'Your calendar is not reachable right now. Please try again in a few minutes.');
}

/**
 * After the event exists, finds the meeting chat and puts the app and its tab there. A failure here is reported,
 * not fatal, because the meeting is already on the calendars.
 */
async function linkChat(client: Client, options: GraphCalendarOptions, leader: string, joinUrl: string) {
  const entry: { joinUrl: string; meetingId?: string; chatId?: string; tabPinned?: boolean } = { joinUrl };
  try {
    const { meetingId, chatId } = await meetingChat(client, leader, joinUrl);
    if (meetingId) entry.meetingId = meetingId;
    if (chatId) entry.chatId = chatId;
    if (!chatId || !options.teamsAppId) return entry;
    await pinApp(client, options, options.teamsAppId, chatId);
    entry.tabPinned = true;
  } catch (error) {
    options.onWarning?.('The Intro 1:1 tab could not be pinned in the meeting chat.', error);
  }
  return entry;
}

/** Creates the Teams meeting on the leader's calendar, finds its chat, installs the app there and pins the tab. */
export function graphCalendar(options: GraphCalendarOptions): Calendar {
  const client = graphClient(options);
  return {
    schedule: async (intro) => {
      const leader = encodeURIComponent(intro.leader.id);
      let event: { onlineMeeting?: { joinUrl?: string } | null };
      try {
        event = (await client.api(`/users/${leader}/events`).post(await eventBody(client, intro))) as typeof event;
      } catch (error) {
        options.onWarning?.('The calendar event could not be created.', error);
        return refusal(error);
      }
      const joinUrl = event.onlineMeeting?.joinUrl;
      const entry: CalendarEntry = joinUrl ? await linkChat(client, options, leader, joinUrl) : {};
      return ok(entry);
    },
  };
}
