import { z } from 'zod';
import { HISTORY_STATUS_TEXT, type FollowUpFilter, type HistoryStatus, type SearchSnippet } from '../domain/history';
import { MAX_QUERY_CHARS } from '../domain/historySearch';
import { followUpSchema, goalSchema } from '../domain/notes.schema';
import { pageSchema } from './paging';
import { introIdParamSchema, userIdParamSchema } from './params';
import { introSchema, personSchema } from './wire';

const HISTORY_STATUSES = Object.keys(HISTORY_STATUS_TEXT) as [HistoryStatus, ...HistoryStatus[]];
const followUpFilterSchema: z.ZodType<FollowUpFilter> = z.enum(['open', 'done']);

/** Query of GET /history/search: words in the caller's own notes, a person, open or done follow-ups. */
export const historySearchQuerySchema = z.object({
  q: z.string().max(MAX_QUERY_CHARS).optional(),
  person: userIdParamSchema.optional(),
  followUps: followUpFilterSchema.optional(),
});

/** Query of GET /people/:userId/carried-forward: an intro to leave out (the one being prepared). */
export const carriedForwardQuerySchema = z.object({ exclude: introIdParamSchema.optional() });

/** One intro in the caller's history, with a summary of the caller's own notes. */
const historyItemSchema = z
  .object({
    intro: introSchema,
    role: z.enum(['leader', 'member']),
    status: z.enum(HISTORY_STATUSES),
    /** The other participant, when known. */
    with: personSchema.optional(),
    /** Milliseconds actually spent, once the session has started. */
    spentMs: z.number().optional(),
    followUps: z.object({ open: z.number(), done: z.number() }).readonly(),
    hasNotes: z.boolean(),
    /** A line from the caller's own notes (first goal, else the first text written), to recognise the intro by. */
    preview: z.string().optional(),
  })
  .readonly();
/** One intro in the caller's history. */
export type HistoryItem = z.infer<typeof historyItemSchema>;

/** GET /history: a page of history, newest first. */
export const historyListSchema = pageSchema(historyItemSchema);
/** A page of history. */
export type HistoryList = z.infer<typeof historyListSchema>;

/** Where in the notes a search matched, and the text around the match. */
const searchSnippetSchema: z.ZodType<SearchSnippet, z.ZodTypeDef, unknown> = z.object({
  where: z.string(),
  text: z.string(),
});

/** One intro whose notes match a search. */
const searchResultItemSchema = z
  .object({ ...historyItemSchema.unwrap().shape, snippets: z.array(searchSnippetSchema).readonly() })
  .readonly();
/** One intro whose notes match a search. */
export type SearchResultItem = z.infer<typeof searchResultItemSchema>;

/** GET /history/search: the intros whose notes match; `truncated` when more matched than were returned. */
export const historySearchSchema = z
  .object({ items: z.array(searchResultItemSchema).readonly(), truncated: z.boolean() })
  .readonly();
/** The answer to a history search. */
export type HistorySearch = z.infer<typeof historySearchSchema>;

/** An open follow-up, with the intro it came from. */
const carriedFollowUpSchema = followUpSchema.extend({ introId: z.string() });
/** An open follow-up, with the intro it came from. */
export type CarriedFollowUp = z.infer<typeof carriedFollowUpSchema>;

/** GET /people/:userId/carried-forward: what a leader carries into the next conversation with the same person. */
export const carriedForwardSchema = z
  .object({
    /** The most recent earlier intro with this person that has the leader's notes. */
    from: z.object({ introId: z.string(), date: z.string() }).readonly().optional(),
    goals: z.array(goalSchema).readonly(),
    openFollowUps: z.array(carriedFollowUpSchema).readonly(),
  })
  .readonly();
/** What a leader carries into the next conversation with the same person. */
export type CarriedForward = z.infer<typeof carriedForwardSchema>;
