import { z } from 'zod';

/*
 * The shape of an incoming Bot Framework activity, strict only on what this bot, teams-ai and botbuilder read
 * (see src/bot/** for `activity.` reads): a wrong type there would fail the turn with a stack instead of a 400.
 * Every object passes unknown fields through, because Teams adds new ones without notice.
 */

const ID_MAX = 1024;
const id = z.string().min(1).max(ID_MAX);
const optionalText = (max: number) => z.string().max(max).optional();

/** A user or bot: `from`, `recipient`, a member added or removed, a mention. */
const account = z
  .object({ id, name: optionalText(ID_MAX), aadObjectId: optionalText(ID_MAX), role: optionalText(64) })
  .passthrough();

const conversation = z
  .object({
    id,
    conversationType: optionalText(64),
    tenantId: optionalText(ID_MAX),
    isGroup: z.boolean().optional(),
    name: optionalText(ID_MAX),
  })
  .passthrough();

/** What a `tenant`, `team`, `channel` or `meeting` in channelData may be: an object with a string id, if any. */
const channelDataPart = z
  .object({ id: optionalText(ID_MAX), name: optionalText(ID_MAX) })
  .passthrough()
  .optional();

/** Teams' channelData: the parts the bot reads (tenant, team, meeting, eventType). */
const channelData = z
  .object({
    tenant: channelDataPart,
    team: channelDataPart,
    channel: channelDataPart,
    meeting: channelDataPart,
    eventType: optionalText(128),
  })
  .passthrough();

/** An entity; a mention must say whom it mentions (teams-ai compares `mentioned.id` to strip the bot's name). */
const entity = z
  .object({ type: z.string().max(128), text: optionalText(ID_MAX), mentioned: account.optional() })
  .passthrough()
  .superRefine((value, context) => {
    if (value.type === 'mention' && value.mentioned === undefined) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['mentioned'],
        message: 'A mention names whom it mentions.',
      });
    }
  });

const attachment = z.object({ contentType: z.string().max(256), name: optionalText(ID_MAX) }).passthrough();

const MAX_MEMBERS = 1000;
const MAX_ITEMS = 100;

/** An activity as POST /api/messages accepts it; anything else is a 400 naming the first wrong field. */
export const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: optionalText(ID_MAX),
    name: optionalText(256),
    action: optionalText(64),
    timestamp: optionalText(64),
    localTimestamp: optionalText(64),
    localTimezone: optionalText(128),
    serviceUrl: z.string().min(1).max(2048),
    channelId: z.string().min(1).max(64),
    from: account,
    recipient: account,
    conversation,
    replyToId: optionalText(ID_MAX),
    locale: optionalText(64),
    text: optionalText(100_000),
    textFormat: optionalText(64),
    // A card submission's data: any JSON but null (teams-ai reads a field of any object value, and null is one).
    value: z.unknown().refine((value) => value !== null, 'A value, when sent, is not null.'),
    membersAdded: z.array(account).max(MAX_MEMBERS).optional(),
    membersRemoved: z.array(account).max(MAX_MEMBERS).optional(),
    channelData: channelData.optional(),
    entities: z.array(entity).max(MAX_ITEMS).optional(),
    attachments: z.array(attachment).max(MAX_ITEMS).optional(),
  })
  .passthrough()
  .superRefine((activity, context) => {
    // botbuilder strips a mention of the bot out of `text`, and throws when there is none to strip it from.
    const mentions = activity.entities?.some((item) => item.type === 'mention' && item['text'] !== undefined);
    if (mentions && activity.text === undefined) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ['text'], message: 'A mention comes with its text.' });
    }
  });

/** The dotted path of the first problem, e.g. `membersAdded.0.id`, for the 400's `field`. */
export function firstField(error: z.ZodError): string {
  return error.issues[0]?.path.join('.') || 'activity';
}
