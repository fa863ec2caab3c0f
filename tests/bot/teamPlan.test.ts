import path from 'node:path';
import Database from 'better-sqlite3';
import {
  BOT,
  TENANT_ID,
  USER,
  baseActivity,
  mentionActivity,
  postActivity,
  type ActivityJson,
} from '../support/activities';
import { validateCard } from '../support/adaptiveCards';
import { startConnectorStub, type ConnectorStub, type RecordedActivity } from '../support/connectorStub';
import { manualClock, startTestApp, type TestApp, type TestUser } from '../support/testApp';
import { cardsOf, isMessage, textsOf, type SentCard } from './botHelpers';
import { inputsOf, submitData, teamMember } from './teamPlanHelpers';

/** "Meet my team" over Bot Framework HTTP: install, plan in private, confirm once, progress, newcomer nudge. */
const TEAM_ID = '19:platform-team@thread.tacv2';
const CHANNEL = '19:platform-general@thread.tacv2';
const ZONE = 'Europe/Paris';
const NOW = Date.parse('2025-06-02T06:00:00Z'); // Monday 08:00 in Paris
const LEADER_TOKEN: TestUser = { oid: USER.aadObjectId, tid: TENANT_ID, name: USER.name };
const member = teamMember;
const KIM = member(1, 'Kim Lee');
const LIN = member(2, 'Lin Okafor');
const MAX = member(3, 'Max Müller');
const NEWCOMER = member(4, 'Noor Haddad');
const ROSTER = [{ ...USER }, KIM, LIN, MAX];
const TEAM = { id: TEAM_ID, name: 'Platform' };

const clock = manualClock(NOW);
let connector: ConnectorStub;
let app: TestApp;

function channelActivity(activity: ActivityJson, extra: Record<string, unknown> = {}): ActivityJson {
  return {
    ...activity,
    localTimezone: ZONE,
    channelData: { tenant: { id: TENANT_ID }, team: TEAM, channel: { id: CHANNEL }, ...extra },
  };
}
const inChannel = { conversationId: CHANNEL, conversationType: 'channel' } as const;

async function post(activity: ActivityJson): Promise<void> {
  const response = await postActivity(`${app.baseUrl}/api/messages`, activity);
  expect(response.status).toBeLessThan(300);
}
const onlyCard = (recorded: RecordedActivity): SentCard => {
  const cards = cardsOf(recorded);
  expect(cards).toHaveLength(1);
  return cards[0]!;
};
const sentTo = (conversationId: string) => (r: RecordedActivity) => isMessage(r) && r.conversationId === conversationId;

function count(table: string): number {
  const db = new Database(path.join(app.dataDir, 'intro.db'), { readonly: true });
  try {
    return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  connector = await startConnectorStub();
  connector.setTeamMembers(TEAM_ID, ROSTER);
  app = await startTestApp({}, { clock });
});
afterAll(async () => {
  await app.stop();
  await connector.stop();
});

describe('meet my team', () => {
  let personalChat = '';
  let plan: SentCard;

  it('records the team on install and sends a private plan naming every other member, saying only that in the channel', async () => {
    const install = channelActivity(
      { ...baseActivity(connector.serviceUrl, 'conversationUpdate', inChannel), membersAdded: [{ id: BOT.id }] },
      { eventType: 'teamMemberAdded' },
    );
    await post(install);
    await connector.waitFor((r) => isMessage(r) && r.replyToId === install.id);
    connector.clear();

    const ask = channelActivity(mentionActivity(connector.serviceUrl, 'meet my team', inChannel));
    await post(ask);
    const inThread = await connector.waitFor((r) => isMessage(r) && r.replyToId === ask.id);
    expect(inThread.body.text).toBe('I sent you an intro plan in our personal chat. Only you can see it.');
    expect(cardsOf(inThread)).toHaveLength(0);
    expect(connector.activities.some((r) => r.path.endsWith(`/${encodeURIComponent(TEAM_ID)}/pagedmembers`))).toBe(
      true,
    );
    const created = connector.activities.find((r) => r.method === 'POST' && r.path === '/v3/conversations')!;
    expect(created.body).toMatchObject({ isGroup: false, members: [{ id: USER.id }], tenantId: TENANT_ID });
    personalChat = created.id!;
    plan = onlyCard(await connector.waitFor(sentTo(personalChat)));
    expect(validateCard(plan)).toEqual([]);
    const texts = textsOf(plan).join('\n');
    for (const person of [KIM, LIN, MAX])
      expect(texts).toMatch(
        new RegExp(`\\*\\*${person.name}\\*\\* — \\w{3}, \\d+ \\w{3} 2025, \\d\\d:\\d\\d \\(${ZONE}\\), 45 min`),
      );
    expect(texts).not.toContain(`**${USER.name}**`);
    // Nothing about the plan reached the channel.
    expect(connector.activities.filter(sentTo(CHANNEL)).every((r) => cardsOf(r).length === 0)).toBe(true);
  });

  it('schedules the kept intros once, with the edits, each with a heads-up and a prep job', async () => {
    const inputs = inputsOf(plan);
    const value = {
      ...submitData(plan),
      ...inputs,
      [`keep.${MAX.aadObjectId}`]: 'false',
      [`time.${LIN.aadObjectId}`]: '16:00',
      [`length.${LIN.aadObjectId}`]: '30',
    };
    const confirm: ActivityJson = {
      ...baseActivity(connector.serviceUrl, 'message', { conversationId: personalChat }),
      localTimezone: ZONE,
      value,
    };
    await post(confirm);
    const done = onlyCard(await connector.waitFor((r) => isMessage(r) && r.replyToId === confirm.id));
    expect(validateCard(done)).toEqual([]);
    const texts = textsOf(done).join('\n');
    expect(texts).toContain('2 intro 1:1s scheduled with Platform');
    expect(texts.match(/Add to calendar \(\.ics\)\]\(http[^)]+\/invites\/[0-9a-f-]+\.ics\?/g)).toHaveLength(2);
    expect(texts).toMatch(new RegExp(`\\*\\*${LIN.name}\\*\\* — .*16:00 \\(${ZONE}\\), 30 min`));
    expect(texts).not.toContain(MAX.name);
    expect(count('intros')).toBe(2);
    expect(count('jobs')).toBe(4);

    connector.clear();
    const again = { ...confirm, id: 'act-again' };
    await post(again);
    const reply = await connector.waitFor((r) => isMessage(r) && r.replyToId === again.id);
    expect(reply.body.text).toMatch(/already confirmed: nothing was scheduled twice/);
    expect(count('intros')).toBe(2);
    expect(count('jobs')).toBe(4);
    const listed = await (await app.api(LEADER_TOKEN, '/api/v1/intros')).json();
    expect((listed as { items: { member: { name: string } }[] }).items.map((i) => i.member.name).sort()).toEqual(
      [KIM.name, LIN.name].sort(),
    );
  });

  it('nudges the leader privately when someone joins, and the newcomer gets nothing', async () => {
    connector.setTeamMembers(TEAM_ID, [...ROSTER, NEWCOMER]);
    connector.clear();
    const joined = channelActivity(
      { ...baseActivity(connector.serviceUrl, 'conversationUpdate', inChannel), membersAdded: [{ id: NEWCOMER.id }] },
      { eventType: 'teamMemberAdded' },
    );
    await post(joined);
    const nudge = onlyCard(await connector.waitFor(sentTo(personalChat)));
    expect(validateCard(nudge)).toEqual([]);
    expect(textsOf(nudge).join('\n')).toMatch(/Noor Haddad joined Platform/);
    expect(textsOf(nudge).join('\n')).toMatch(/fits both of you \(45 minutes\)/);
    const messages = connector.activities.filter(isMessage);
    expect(messages.every((r) => r.conversationId === personalChat)).toBe(true);
    expect(connector.activities.some((r) => r.path === '/v3/conversations')).toBe(false);

    const open: ActivityJson = {
      ...baseActivity(connector.serviceUrl, 'message', { conversationId: personalChat }),
      value: submitData(nudge),
    };
    await post(open);
    const schedule = onlyCard(await connector.waitFor((r) => isMessage(r) && r.replyToId === open.id));
    expect(textsOf(schedule).join('\n')).toContain('Schedule an intro 1:1');
    const prefilled = inputsOf(schedule);
    expect(prefilled.person).toBe(NEWCOMER.aadObjectId);
    expect(prefilled.date).toMatch(/^2025-06-\d\d$/);
    expect(prefilled.time).toMatch(/^\d\d:\d\d$/);
  });

  it('shows each planned team’s progress on "team"', async () => {
    const ask: ActivityJson = {
      ...baseActivity(connector.serviceUrl, 'message', { conversationId: personalChat }),
      text: 'team',
      localTimezone: ZONE,
    };
    await post(ask);
    const card = onlyCard(await connector.waitFor((r) => isMessage(r) && r.replyToId === ask.id));
    expect(validateCard(card)).toEqual([]);
    const facts = JSON.stringify(card);
    expect(textsOf(card)).toContain('**Platform**');
    expect(facts).toContain('{"title":"Met","value":"0"}');
    expect(facts).toContain('{"title":"Scheduled","value":"2"}');
    expect(facts).toContain('{"title":"Not yet scheduled","value":"1"}');
    expect(facts).toMatch(/"title":"Next intro","value":"(Kim Lee|Lin Okafor), /);
  });

  it('serves the same progress to the History tab, to the leader only, never cached', async () => {
    const mine = await app.api(LEADER_TOKEN, '/api/v1/teams/plans');
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('no-store');
    expect(await mine.json()).toEqual({
      teams: [
        {
          teamId: TEAM_ID,
          teamName: 'Platform',
          met: 0,
          scheduled: 2,
          notScheduled: 1,
          next: {
            member: { id: expect.any(String), name: expect.stringMatching(/^(Kim Lee|Lin Okafor)$/) },
            start: expect.any(String),
          },
        },
      ],
    });
    const kim = await app.api({ oid: KIM.aadObjectId, tid: TENANT_ID, name: KIM.name }, '/api/v1/teams/plans');
    expect(await kim.json()).toEqual({ teams: [] });
    expect((await fetch(`${app.baseUrl}/api/v1/teams/plans`)).status).toBe(401);
  });
});
