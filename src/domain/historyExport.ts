import { clockText, feedbackGoal, HISTORY_STATUS_TEXT, introDate, ownerName, type HistoryStatus } from './history';
import { escapeMarkdown, escapeMarkdownLines } from './markdown';
import type { Intro } from './intro';
import { emptyNotesBody, writtenTexts, type FollowUp, type NotesBody } from './notes';

/** One intro in an export: the intro, its status, the time spent, the exporter's role and their own notes, if any. */
export interface ExportEntry {
  readonly intro: Intro;
  readonly role: 'leader' | 'member';
  readonly status: HistoryStatus;
  /** Milliseconds spent, once the session started. */
  readonly spentMs?: number;
  readonly notes?: NotesBody;
}

/** Who exported and when (ISO 8601). */
interface ExportMeta {
  readonly name: string;
  readonly exportedAt: string;
}

function withWhom(entry: ExportEntry): string {
  const other = entry.role === 'leader' ? entry.intro.member : entry.intro.leader;
  return other?.name ?? 'Someone not yet known';
}

function plannedText(entry: ExportEntry): string {
  return clockText(entry.intro.durationMinutes * 60_000);
}

function spentText(entry: ExportEntry): string {
  return entry.spentMs === undefined ? '' : clockText(entry.spentMs);
}

function statusText(entry: ExportEntry): string {
  return HISTORY_STATUS_TEXT[entry.status];
}

function followUpDetail(intro: Intro, item: FollowUp): string {
  return `owner: ${ownerName(intro, item.owner)}${item.due ? `, due ${item.due}` : ''}`;
}

function notesMarkdown(intro: Intro, notes: NotesBody): string[] {
  const e = escapeMarkdownLines;
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push('', `### ${title}`, '', ...items);
  };
  const texts = writtenTexts(notes);
  section(
    'Notes',
    texts.map(([title, text]) => `**${title}:** ${e(text)}  `),
  );
  section(
    'Goals',
    notes.goals.map((goal) => `- (${goal.horizon} term) ${e(goal.text)}`),
  );
  section(
    'Issues raised',
    notes.issues.map((issue) => `- ${e(issue.text)}${issue.paraphrased ? ' (paraphrased and confirmed)' : ''}`),
  );
  section(
    'Feedback given',
    notes.feedback.map((item) => {
      const goal = feedbackGoal(notes, item);
      return `- (${item.kind}) ${e(item.text)}${goal === undefined ? '' : ` — about goal: ${e(goal)}`}`;
    }),
  );
  section(
    'Follow-ups',
    notes.followUps.map((item) => `- [${item.done ? 'x' : ' '}] ${e(item.text)} (${e(followUpDetail(intro, item))})`),
  );
  return lines;
}

/** The exporter's data as one Markdown document, newest intro first. */
export function exportMarkdown(entries: readonly ExportEntry[], meta: ExportMeta): string {
  const lines = [
    '# Intro 1:1 — my data',
    '',
    `Exported for ${escapeMarkdown(meta.name)} on ${meta.exportedAt}. It holds only your own notes.`,
  ];
  if (entries.length === 0) lines.push('', 'No intro 1:1s yet.');
  for (const entry of entries) {
    const { intro } = entry;
    const spent = spentText(entry);
    lines.push(
      '',
      `## ${escapeMarkdown(withWhom(entry))} — ${introDate(intro).slice(0, 10)}`,
      '',
      `You ${entry.role === 'leader' ? 'led' : 'took part'} · ${plannedText(entry)} planned${spent ? ` · ${spent} spent` : ''} · ${statusText(entry)} · intro ${intro.id}`,
    );
    lines.push(...(entry.notes ? notesMarkdown(intro, entry.notes) : ['', '_No notes._']));
  }
  return `${lines.join('\n')}\n`;
}

/** Quotes a CSV cell (RFC 4180) and defuses spreadsheet formulas by prefixing `'` to a leading = + - @ tab or CR. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Column names of the CSV export. */
const CSV_COLUMNS = [
  'intro_id',
  'date',
  'with',
  'role',
  'status',
  'kind',
  'detail',
  'text',
  'done',
  'owner',
  'due',
  'about_goal',
  'planned',
  'spent',
];

function csvRows(entry: ExportEntry): string[][] {
  const { intro } = entry;
  const notes = entry.notes ?? emptyNotesBody();
  const base = [intro.id, introDate(intro), withWhom(entry), entry.role, statusText(entry)];
  const times = [plannedText(entry), spentText(entry)];
  const rows: string[][] = [];
  const add = (kind: string, detail: string, text: string, extra: string[] = ['', '', '', '']) =>
    rows.push([...base, kind, detail, text, ...extra, ...times]);
  for (const [key, text] of Object.entries(notes.text)) if (text.trim() !== '') add('note', key, text);
  for (const goal of notes.goals) add('goal', goal.horizon, goal.text);
  for (const issue of notes.issues) add('issue', issue.paraphrased ? 'paraphrased' : '', issue.text);
  for (const item of notes.feedback)
    add('feedback', item.kind, item.text, ['', '', '', feedbackGoal(notes, item) ?? '']);
  for (const item of notes.followUps)
    add('followUp', '', item.text, [item.done ? 'yes' : 'no', ownerName(intro, item.owner), item.due ?? '', '']);
  if (rows.length === 0) add('intro', '', '');
  return rows;
}

/** The exporter's data as CSV (one row per note or item, CRLF line ends, a UTF-8 BOM so spreadsheets read accents). */
export function exportCsv(entries: readonly ExportEntry[]): string {
  const rows = [CSV_COLUMNS, ...entries.flatMap(csvRows)];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
