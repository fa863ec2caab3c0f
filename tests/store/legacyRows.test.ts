import fs from 'node:fs';
import path from 'node:path';
import type { ClaimedJob, InstalledTeam, Job } from '../../src/app/ports';
import type { Intro } from '../../src/domain/intro';
import type { NotesBody } from '../../src/domain/notes';
import type { Session } from '../../src/domain/session';
import type { TeamPlan } from '../../src/domain/teamPlan';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/openSqliteStore';
import { startTestApp, type TestApp, type TestUser } from '../support/testApp';
import { tempDirs } from './support/tempDir';

const LEGACY = path.join(__dirname, 'legacy');
const dirs = tempDirs('intro-legacy-rows-');

/** A private copy of a committed DATA_DIR (never opened in place: opening migrates and upgrades it). */
function copyOf(name: string): string {
  const dir = path.join(dirs.make(), 'data');
  fs.cpSync(path.join(LEGACY, name), dir, { recursive: true });
  fs.chmodSync(dir, 0o700);
  for (const file of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, file), 0o600);
  return dir;
}
const manifest = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(LEGACY, `${name}.json`), 'utf8')) as T;

afterAll(() => dirs.removeAll());

interface Manifest1130 {
  readonly tenantId: Intro['tenantId'];
  readonly intros: readonly Intro[];
  readonly session: Session;
  readonly notes: readonly { authorId: Intro['leader']['id']; body: NotesBody; updatedAt: string }[];
  readonly reference: Record<string, unknown>;
  readonly job: Job;
  readonly botItem: { key: string; value: Record<string, unknown> };
  readonly team: InstalledTeam;
  readonly plan: TeamPlan;
}

describe('a database written by the 2026-11-30 version (every record kind) reads back with this version', () => {
  const m = manifest<Manifest1130>('intro-db-2026-11-30');
  const [first, second] = m.intros as [Intro, Intro];
  let dir: string;
  let store: SqliteStore;

  beforeAll(async () => {
    dir = copyOf('intro-db-2026-11-30');
    store = openSqliteStore(dir);
    await store.upgrade();
  });
  afterAll(() => store.close());

  it('reads its intros, by id, by meeting and page by page', async () => {
    for (const intro of m.intros) expect(await store.intros.get(m.tenantId, intro.id)).toEqual(intro);
    expect(await store.intros.findByMeeting(m.tenantId, first.meeting!.meetingId!)).toEqual(first);
    const page1 = await store.intros.listForUser(m.tenantId, first.leader.id, { limit: 1 });
    expect(page1.items).toEqual([first]);
    const page2 = await store.intros.listForUser(m.tenantId, first.leader.id, { limit: 1, cursor: page1.nextCursor });
    expect(page2).toEqual({ items: [second] });
  });

  it('reads its session at version 1', async () => {
    expect(await store.intros.getSession(m.tenantId, first.id)).toEqual({ value: m.session, version: 1 });
  });

  it('opens each sealed note with its data key and the KEK file beside the database', async () => {
    expect(await store.dataKeys.list()).toHaveLength(m.notes.length);
    for (const note of m.notes) {
      const key = { tenantId: m.tenantId, introId: first.id, authorId: note.authorId };
      expect(await store.notes.get(key)).toEqual({ ...note.body, ...key, version: 1, updatedAt: note.updatedAt });
    }
  });

  it('reads its conversation reference and bot storage item', async () => {
    expect(await store.conversations.get(m.tenantId, first.member!.id)).toEqual(m.reference);
    const items = await store.botStorage.read([m.botItem.key]);
    expect(items[m.botItem.key]).toEqual({ ...m.botItem.value, eTag: expect.any(String) });
  });

  it('claims its job with the payload it was scheduled with', async () => {
    const claimed = (await store.jobs.claimDue(m.job.dueAt, 1000)) as ClaimedJob;
    expect(claimed).toEqual({ ...m.job, leaseId: expect.any(String) });
  });

  it('reads its installed team and team plan', async () => {
    // The released version kept them in the same file through a connection of its own: the one store reads them.
    const teams = store.teamPlans;
    expect(await teams.listTeams(m.tenantId)).toEqual([m.team]);
    expect(await teams.getPlan(m.tenantId, m.plan.teamId, m.plan.leader.id)).toEqual({ value: m.plan, version: 1 });
    expect(await teams.plansForLeader(m.tenantId, m.plan.leader.id)).toEqual([m.plan]);
  });
});

interface Manifest1129 {
  readonly people: readonly {
    leader: { oid: string; tid: string; name: string };
    member: { oid: string; tid: string; name: string };
    meeting: string;
    introId: string;
    marker: string;
  }[];
}

describe('a database written by the 2026-11-29 version reads back with this version', () => {
  const { people } = manifest<Manifest1129>('intro-db-2026-11-29');
  let store: SqliteStore;

  beforeAll(async () => {
    store = openSqliteStore(copyOf('intro-db-2026-11-29'));
    await store.upgrade();
  });
  afterAll(() => store.close());

  it.each(people.map((p) => [p.introId, p] as const))(
    'reads intro %s, its ended session and both notes',
    async (_id, p) => {
      const tenantId = p.leader.tid as Intro['tenantId'];
      const introId = p.introId as Intro['id'];
      const intro = await store.intros.findByMeeting(tenantId, p.meeting as never);
      expect(intro).toMatchObject({
        id: introId,
        leader: { id: p.leader.oid, name: p.leader.name },
        member: { id: p.member.oid, name: p.member.name },
        status: 'done',
      });
      expect((await store.intros.getSession(tenantId, introId)).value.status).toBe('ended');
      for (const author of [p.leader.oid, p.member.oid] as Intro['leader']['id'][]) {
        const notes = await store.notes.get({ tenantId, introId, authorId: author });
        expect(JSON.stringify(notes)).toContain(p.marker);
        expect(notes?.version).toBe(1);
      }
    },
  );
});

describe('the app started on the 2026-11-30 DATA_DIR', () => {
  const m = manifest<Manifest1130>('intro-db-2026-11-30');
  const [first] = m.intros as [Intro, Intro];
  const as = (person: { id: string; name: string }): TestUser => ({
    oid: person.id,
    tid: m.tenantId,
    name: person.name,
  });
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ DATA_DIR: copyOf('intro-db-2026-11-30') });
  }, 30_000);
  afterAll(async () => app?.stop());

  it("serves each author their own notes at version 1, opened with the DATA_DIR's KEK file", async () => {
    for (const note of m.notes) {
      const author = note.authorId === first.leader.id ? first.leader : first.member!;
      const res = await app.api(as(author), `/api/v1/intros/${first.id}/notes`);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"1"');
      expect(await res.json()).toMatchObject({ text: note.body.text, updatedAt: note.updatedAt });
    }
  });

  it("lists the leader's intros newest first", async () => {
    const res = await app.api(as(first.leader), '/api/v1/intros');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: string }[] };
    expect(body.items.map((item) => item.id)).toEqual(m.intros.map((intro) => intro.id));
  });
});
