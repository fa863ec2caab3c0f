import { randomUUID } from 'node:crypto';

/** A Bot Framework activity as JSON, the way a channel posts it to /api/messages. */
export type ActivityJson = Record<string, unknown>;

/** The tenant the test activities come from. */
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** The bot as Teams addresses it. */
export const BOT = { id: '28:bot', name: 'Intro 1:1' } as const;
/** A Teams user with an Entra object id. */
export const USER = {
  id: '29:user-ada',
  aadObjectId: '5b0f1b6e-3c1d-4b8e-9f2a-0c4d5e6f7a8b',
  name: 'Ada Lovelace',
} as const;

/** What a test may change in an activity. */
export interface ActivityOptions {
  readonly conversationId?: string;
  readonly conversationType?: 'personal' | 'groupChat' | 'channel';
  readonly tenantId?: string;
  readonly from?: Record<string, unknown>;
}

/** The fields every activity from Teams carries. */
export function baseActivity(serviceUrl: string, type: string, options: ActivityOptions = {}): ActivityJson {
  const tenantId = options.tenantId ?? TENANT_ID;
  return {
    type,
    id: `act-${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    conversation: {
      id: options.conversationId ?? `a:personal-${USER.aadObjectId}`,
      conversationType: options.conversationType ?? 'personal',
      tenantId,
    },
    from: options.from ?? { ...USER },
    recipient: { ...BOT },
    channelData: { tenant: { id: tenantId } },
    locale: 'en-US',
  };
}

/** A message the user types. */
export function messageActivity(serviceUrl: string, text: string, options: ActivityOptions = {}): ActivityJson {
  return { ...baseActivity(serviceUrl, 'message', options), text, textFormat: 'plain' };
}

/** A message that @mentions the bot first, as Teams sends it: `<at>name</at> text` plus a mention entity. */
export function mentionActivity(serviceUrl: string, text: string, options: ActivityOptions = {}): ActivityJson {
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...messageActivity(serviceUrl, `${mention} ${text}`, options),
    entities: [{ type: 'mention', text: mention, mentioned: { ...BOT } }],
  };
}

/** The conversationUpdate Teams sends when a user installs the bot in personal scope. */
export function installActivity(serviceUrl: string, options: ActivityOptions = {}): ActivityJson {
  return { ...baseActivity(serviceUrl, 'conversationUpdate', options), membersAdded: [{ id: BOT.id }] };
}

/** Posts an activity to a bot endpoint as the Bot Framework channel would (no auth header: auth is off in tests). */
export async function postActivity(endpoint: string, activity: ActivityJson): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}
