/**
 * Writes a legacy DATA_DIR with one row of every stored record kind, and a manifest of what each row holds, with the
 * store code of the checkout it runs in: `npx tsx tests/store/legacy/writeFixture.ts <out dir> <manifest.json>`.
 * Run it once per released storage version and commit both; never rewrite a committed fixture.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import type { ClaimedJob, InstalledTeam, Job } from '../../../src/app/ports';
import type { Intro } from '../../../src/domain/intro';
import type { NotesBody } from '../../../src/domain/notes';
import type { Session } from '../../../src/domain/session';
import type { TeamPlan } from '../../../src/domain/teamPlan';
import { openSqliteStore } from '../../../src/store/sqlite/openSqliteStore';

const tenantId = 'ab12cd34-1111-4222-8333-444455556666' as Intro['tenantId'];
const leader = { id: '5c5c5c5c-1130-4000-8000-000000000000' as Intro['leader']['id'], name: 'Lea Leader' };
const member = { id: '6d6d6d6d-1130-4000-8000-000000000000' as Intro['leader']['id'], name: 'Mia Member' };

const intros: Intro[] = [
  {
    id: '11300000-0000-4000-8000-000000000001' as Intro['id'],
    tenantId,
    leader,
    member,
    scheduledStart: '2026-12-01T09:00:00.000Z',
    durationMinutes: 45,
    setting: 'teamsCall',
    meeting: { meetingId: '19:meeting_fixture1130@thread.v2' as never, joinUrl: 'https://teams.example/join/1' },
    status: 'done',
    createdAt: '2026-11-30T08:00:00.000Z',
    roleChanges: 1,
  },
  {
    id: '11300000-0000-4000-8000-000000000002' as Intro['id'],
    tenantId,
    leader,
    durationMinutes: 30,
    setting: 'coffee',
    status: 'scheduled',
    createdAt: '2026-11-30T08:30:00.000Z',
  },
];
const session: Session = {
  status: 'ended',
  phase: 2,
  startedAt: 1_796_115_600_000,
  spentMs: [900_000, 1_200_000, 600_000],
  endedAt: 1_796_118_300_000,
  plan: [15, 20, 10],
};
const notes: { authorId: string; body: NotesBody; updatedAt: string }[] = [
  {
    authorId: leader.id,
    updatedAt: '2026-12-01T09:40:00.000Z',
    body: {
      text: { prep: 'fixture1130 prep', goals: 'fixture1130 goals', pullFeedback: 'pull', pushFeedback: 'push' },
      goals: [{ id: 'g1', text: 'grow into lead', horizon: 'medium' }],
      issues: [{ id: 'i1', text: 'too many meetings', paraphrased: true }],
      feedback: [{ id: 'f1', text: 'great demo', kind: 'celebratory', goalId: 'g1' }],
      followUps: [{ id: 'u1', text: 'share the doc', owner: 'leader', due: '2026-12-05', done: false }],
    },
  },
  {
    authorId: member.id,
    updatedAt: '2026-12-01T09:41:00.000Z',
    body: {
      text: { prep: 'fixture1130 member prep', goals: '', pullFeedback: '', pushFeedback: '' },
      goals: [],
      issues: [],
      feedback: [],
      followUps: [],
    },
  },
];
const reference = {
  activityId: 'act-1',
  user: { id: `29:${member.id}`, aadObjectId: member.id },
  bot: { id: '28:bot', name: 'Intro 1:1' },
  conversation: { id: 'a:personal-chat-1130', tenantId, conversationType: 'personal' },
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
};
const job: Job = {
  id: 'prep:11300000-0000-4000-8000-000000000001',
  kind: 'prep',
  dueAt: 1_796_112_000_000,
  payload: { introId: intros[0]!.id, tenantId, attempts: 0 },
};
const botItem = { key: 'msteams/a:personal-chat-1130/conversation', value: { lastCommand: 'prep', count: 3 } };
const team: InstalledTeam = {
  teamId: '19:team_fixture1130@thread.tacv2',
  name: 'Fixture team',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  installedAt: '2026-11-30T07:00:00.000Z',
};
const plan: TeamPlan = {
  tenantId,
  teamId: team.teamId,
  teamName: team.name,
  leader,
  round: 1,
  timeZone: 'Europe/Berlin',
  items: [
    { member, state: 'scheduled', startMs: 1_796_115_600_000, durationMinutes: 45, introId: intros[0]!.id },
    {
      member: { id: '7e7e7e7e-1130-4000-8000-000000000000' as never, name: 'Noa New' },
      state: 'proposed',
      durationMinutes: 45,
    },
  ],
  createdAt: '2026-11-30T07:30:00.000Z',
};

async function write(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const store = openSqliteStore(dir);
  for (const intro of intros) await store.intros.create(intro);
  await store.intros.saveSession(tenantId, intros[0]!.id, session, 0);
  for (const note of notes) {
    const key = { tenantId, introId: intros[0]!.id, authorId: note.authorId as Intro['leader']['id'] };
    await store.notes.save(key, note.body, 0, note.updatedAt);
  }
  await store.conversations.save(tenantId, member.id, reference);
  await store.jobs.schedule(job);
  const claimed = (await store.jobs.claimDue(job.dueAt, 60_000)) as ClaimedJob;
  await store.jobs.reschedule(claimed, job.dueAt, job.payload);
  await store.botStorage.write({ [botItem.key]: botItem.value });
  await store.teamPlans.saveTeam(tenantId, team);
  await store.teamPlans.savePlan(plan, 0);
  await store.close();
}

async function main(): Promise<void> {
  const [dir, manifest] = process.argv.slice(2);
  if (!dir || !manifest) throw new Error('usage: writeFixture.ts <out dir> <manifest.json>');
  await write(dir);
  const commit = execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
  const written = new Date().toISOString().slice(0, 10);
  const contents = { written, commit, tenantId, intros, session, notes, reference, job, botItem, team, plan };
  fs.writeFileSync(manifest, `${JSON.stringify(contents, null, 2)}\n`);
}

void main();
