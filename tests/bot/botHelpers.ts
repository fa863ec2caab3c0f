import type { RecordedActivity } from '../support/connectorStub';

/** An Adaptive Card found in a recorded activity. */
export type SentCard = Record<string, unknown>;

/** The Adaptive Cards attached to a recorded activity. */
export function cardsOf(recorded: RecordedActivity): SentCard[] {
  const attachments = (recorded.body.attachments ?? []) as { contentType?: string; content?: SentCard }[];
  return attachments
    .filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((attachment) => attachment.content ?? {});
}

/** Every `text` and `title` in a card, depth first, so tests can look for what a person reads. */
export function textsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = ['text', 'title'].map((key) => record[key]).filter((value): value is string => typeof value === 'string');
  return [
    ...own,
    ...Object.entries(record).flatMap(([key, value]) => (key === 'text' || key === 'title' ? [] : textsOf(value))),
  ];
}

/** A recorded message activity (not typing, not a 404). */
export function isMessage(recorded: RecordedActivity): boolean {
  return recorded.status === 200 && recorded.body.type === 'message';
}
