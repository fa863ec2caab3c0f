import { csvCell, exportCsv, exportMarkdown, type ExportEntry } from '../../src/domain/historyExport';
import type { IntroId, TenantId, UserId } from '../../src/domain/ids';
import type { Intro } from '../../src/domain/intro';
import { emptyNotesBody } from '../../src/domain/notes';

const intro: Intro = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001' as IntroId,
  tenantId: 't' as TenantId,
  leader: { id: 'l' as UserId, name: 'Avery Leader' },
  member: { id: 'm' as UserId, name: 'Sam "Sammy" Member' },
  scheduledStart: '2025-03-04T10:00:00.000Z',
  durationMinutes: 45,
  setting: 'teamsCall',
  status: 'done',
  createdAt: '2025-03-01T09:00:00.000Z',
};
const notes = {
  ...emptyNotesBody(),
  text: { prep: 'Ask about *the move*', goals: '', pullFeedback: 'line one\nline two', pushFeedback: '' },
  goals: [{ id: 'g1', text: 'Lead the Q3 launch', horizon: 'medium' as const }],
  issues: [{ id: 'i1', text: 'Too many meetings, "really"', paraphrased: true }],
  feedback: [
    { id: 'f1', text: 'Great demo', kind: 'celebratory' as const, goalId: 'g1' },
    { id: 'f2', text: 'Slides ran long', kind: 'critical' as const },
  ],
  followUps: [
    { id: 'u1', text: '=HYPERLINK("http://evil")', owner: 'leader' as const, done: false, due: '2025-03-11' },
    { id: 'u2', text: 'Share the roadmap', owner: 'member' as const, done: true },
  ],
};
const entries: ExportEntry[] = [{ intro, role: 'leader', status: 'done', spentMs: 2_562_000, notes }];

/** Parses CSV as RFC 4180 says, to check the export round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted) {
      if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('csvCell', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', `"'=1+1"`],
    ['+31 6 1234', `"'+31 6 1234"`],
    ['-5', `"'-5"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    [' padded', '" padded"'],
    ['', ''],
  ])('%j → %s', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('exportCsv', () => {
  test('one row per note and item, quoted so a parser gets the exact text back, formulas defused', () => {
    const csv = exportCsv(entries);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([
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
    ]);
    const kinds = rows.slice(1).map((row) => `${row[5]}:${row[7]}`);
    expect(kinds).toEqual([
      'note:Ask about *the move*',
      'note:line one\nline two',
      'goal:Lead the Q3 launch',
      'issue:Too many meetings, "really"',
      'feedback:Great demo',
      'feedback:Slides ran long',
      `followUp:'=HYPERLINK("http://evil")`,
      'followUp:Share the roadmap',
    ]);
    expect(rows[1]?.[2]).toBe('Sam "Sammy" Member');
    expect(rows[1]?.[4]).toBe('Done');
    expect(rows[5]?.slice(8)).toEqual(['', '', '', 'Lead the Q3 launch', '45:00', '42:42']);
    expect(rows[6]?.slice(8)).toEqual(['', '', '', '', '45:00', '42:42']);
    expect(rows[7]?.slice(8)).toEqual(['no', 'Avery Leader', '2025-03-11', '', '45:00', '42:42']);
    expect(rows[8]?.slice(8)).toEqual(['yes', 'Sam "Sammy" Member', '', '', '45:00', '42:42']);
  });

  test('an intro without notes still gets a row, with its truthful status and no time when it never started', () => {
    const rows = parseCsv(exportCsv([{ intro, role: 'member', status: 'notHeld' }]).slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(2)).toEqual([
      'Avery Leader',
      'member',
      'Not held',
      'intro',
      '',
      '',
      '',
      '',
      '',
      '',
      '45:00',
      '',
    ]);
  });
});

describe('exportMarkdown', () => {
  test('lists the intro with its notes and items, escaping Markdown in the text', () => {
    const md = exportMarkdown(entries, { name: 'Avery Leader', exportedAt: '2025-04-01T00:00:00.000Z' });
    expect(md).toContain('# Intro 1:1 — my data');
    expect(md).toContain('## Sam "Sammy" Member — 2025-03-04');
    expect(md).toContain('**Prep:** Ask about \\*the move\\*');
    expect(md).toContain('line one  \nline two');
    expect(md).toContain('You led · 45:00 planned · 42:42 spent · Done · intro');
    expect(md).toContain('- (medium term) Lead the Q3 launch');
    expect(md).toContain('- Too many meetings, "really" (paraphrased and confirmed)');
    expect(md).toContain('- (celebratory) Great demo — about goal: Lead the Q3 launch');
    expect(md).toContain('- (critical) Slides ran long\n');
    expect(md).toContain('- [ ] =HYPERLINK\\("http://evil"\\) (owner: Avery Leader, due 2025-03-11)');
    expect(md).toContain('- [x] Share the roadmap (owner: Sam "Sammy" Member)');
    expect(md).not.toMatch(/\d+\.\d+ min/);
  });

  test('an intro the member never joined is not called done', () => {
    const md = exportMarkdown(
      [{ intro: { ...intro, member: undefined }, role: 'leader', status: 'endedBeforeJoined' }],
      {
        name: 'Avery Leader',
        exportedAt: '2025-04-01T00:00:00.000Z',
      },
    );
    expect(md).toContain('You led · 45:00 planned · Ended before the member joined · intro');
    expect(md).not.toContain('· Done ·');
  });

  test('says when there is nothing', () => {
    expect(exportMarkdown([], { name: 'A', exportedAt: 'x' })).toContain('No intro 1:1s yet.');
  });
});
