import type { NotesBody } from './notes';
import type { SearchSnippet } from './history';

/** Longest query the search accepts. */
export const MAX_QUERY_CHARS = 200;
const MAX_TERMS = 8;
const MAX_SNIPPETS = 3;
const RADIUS = 50;

/** Splits a query into lower-case terms (quotes group words); blank queries give no terms. */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  for (const match of query.slice(0, MAX_QUERY_CHARS).matchAll(/"([^"]+)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? '').trim().toLocaleLowerCase('en');
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms.slice(0, MAX_TERMS);
}

/** Every searchable piece of a set of notes, labelled with where it is. */
function noteFields(notes: NotesBody): SearchSnippet[] {
  return [
    { where: 'Prep notes', text: notes.text.prep },
    { where: 'Goals notes', text: notes.text.goals },
    { where: "How it's going notes", text: notes.text.pullFeedback },
    { where: 'Feedback notes', text: notes.text.pushFeedback },
    ...notes.goals.map((goal) => ({ where: `Goal (${goal.horizon} term)`, text: goal.text })),
    ...notes.issues.map((issue) => ({ where: 'Issue raised', text: issue.text })),
    ...notes.feedback.map((item) => ({ where: `Feedback (${item.kind})`, text: item.text })),
    ...notes.followUps.map((item) => ({ where: `Follow-up${item.done ? ' (done)' : ''}`, text: item.text })),
  ].filter((field) => field.text.trim() !== '');
}

/** Moves a snippet's start off a word's middle: to the next word if it begins before `limit`, else its own word. */
function wordStart(flat: string, start: number, limit: number): number {
  if (start <= 0 || flat[start - 1] === ' ' || flat[start] === ' ') return start;
  const next = flat.indexOf(' ', start);
  return next >= 0 && next < limit ? next + 1 : flat.lastIndexOf(' ', start) + 1;
}

/** Moves a snippet's end off a word's middle: to the previous word's end if not before `limit`, else its own word's. */
function wordEnd(flat: string, end: number, limit: number): number {
  if (end >= flat.length || flat[end] === ' ' || flat[end - 1] === ' ') return end;
  const previous = flat.lastIndexOf(' ', end);
  if (previous >= limit && previous > 0) return previous;
  const next = flat.indexOf(' ', end);
  return next < 0 ? flat.length : next;
}

/** The text around the first occurrence of a term, on one line, cut on word boundaries with ellipses where it was cut. */
export function snippetAround(text: string, term: string, radius = RADIUS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = flat.toLocaleLowerCase('en').indexOf(term);
  const [from, to] = at < 0 ? [0, 0] : [at, at + term.length];
  const start = at < 0 ? 0 : wordStart(flat, Math.max(0, from - radius), from);
  const end = wordEnd(flat, Math.min(flat.length, at < 0 ? radius * 2 : to + radius), to);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}

/**
 * Searches one author's notes: every term must occur somewhere in them. Returns up to three snippets
 * (fields that contain a term), or undefined when the notes do not match.
 */
export function searchNotes(notes: NotesBody, terms: readonly string[]): SearchSnippet[] | undefined {
  const fields = noteFields(notes).map((field) => ({ ...field, lower: field.text.toLocaleLowerCase('en') }));
  const all = fields.map((field) => field.lower).join('\n');
  if (!terms.every((term) => all.includes(term))) return undefined;
  const snippets: SearchSnippet[] = [];
  for (const field of fields) {
    const term = terms.find((candidate) => field.lower.includes(candidate));
    if (term === undefined) continue;
    snippets.push({ where: field.where, text: snippetAround(field.text, term) });
    if (snippets.length === MAX_SNIPPETS) break;
  }
  return snippets;
}
