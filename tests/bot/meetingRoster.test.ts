import { Writable } from 'node:stream';
import pino from 'pino';
import type { MeetingRoster } from '../../src/app/ports';
import { createAdapter } from '../../src/bot/createBot';
import { botMeetingRoster } from '../../src/bot/meetingRoster';
import type { MeetingKey, TenantId, UserId } from '../../src/domain/ids';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/openSqliteStore';
import { startConnectorStub, type ConnectorStub } from '../support/connectorStub';

const TENANT = '7a5b1c2d-0000-4000-8000-0000000000aa' as TenantId;
const OTHER_TENANT = '7a5b1c2d-0000-4000-8000-0000000000bb' as TenantId;
const ADA = '11111111-1111-4111-8111-111111111111' as UserId;
const BEN = '22222222-2222-4222-8222-222222222222' as UserId;
const EVE = '33333333-3333-4333-8333-333333333333' as UserId;
// Teams meeting ids are base64: '/', '+' and '=' must reach the connector encoded, as one path segment.
const MEETING = 'MCMxOTptZWV0aW5nX/Ab+cd==' as MeetingKey;

let stub: ConnectorStub;
let store: SqliteStore;
let roster: MeetingRoster;
const warnings: string[] = [];

beforeAll(async () => {
  stub = await startConnectorStub();
  store = openSqliteStore(':memory:');
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      warnings.push(String((JSON.parse(chunk.toString('utf8')) as { msg?: string }).msg));
      done();
    },
  });
  roster = botMeetingRoster({
    adapter: createAdapter({}),
    conversations: store.conversations,
    logger: pino({ level: 'warn' }, sink),
  });
  // Only Ada ever chatted with the bot: her reference gives the tenant's service URL for everyone there.
  await store.conversations.save(TENANT, ADA, {
    channelId: 'msteams',
    serviceUrl: stub.serviceUrl,
    conversation: { id: 'a:personal-ada', conversationType: 'personal', tenantId: TENANT },
    user: { id: '29:ada', aadObjectId: ADA },
    bot: { id: '28:bot', name: 'Intro 1:1' },
  });
  stub.setMeetingParticipants(MEETING, [
    { aadObjectId: ADA, name: 'Ada', role: 'Organizer' },
    { aadObjectId: BEN, name: 'Ben' },
  ]);
});
afterAll(async () => {
  await store.close();
  await stub.stop();
});
beforeEach(() => {
  stub.clear();
  stub.failMeetingRequests(undefined);
  warnings.splice(0, warnings.length);
});

describe('meeting roster over the Bot Framework connector', () => {
  it('says yes for participants, asking Teams’ documented participant API with the tenant', async () => {
    expect(await roster.isParticipant(TENANT, MEETING, ADA)).toBe('yes');
    // Ben has no reference of his own: another reference in his tenant is used.
    expect(await roster.isParticipant(TENANT, MEETING, BEN)).toBe('yes');
    expect(stub.activities.map((a) => [a.method, a.path, a.query])).toEqual([
      ['GET', `/v1/meetings/${encodeURIComponent(MEETING)}/participants/${ADA}`, `?tenantId=${TENANT}`],
      ['GET', `/v1/meetings/${encodeURIComponent(MEETING)}/participants/${BEN}`, `?tenantId=${TENANT}`],
    ]);
  });

  it('says no for someone Teams does not find in the meeting, or for another meeting', async () => {
    expect(await roster.isParticipant(TENANT, MEETING, EVE)).toBe('no');
    expect(await roster.isParticipant(TENANT, 'MCMxOTpvdGhlcg==' as MeetingKey, ADA)).toBe('no');
    expect(stub.activities.map((a) => a.status)).toEqual([404, 404]);
  });

  it('says unknown when Teams refuses the bot (e.g. it is not installed in that meeting)', async () => {
    stub.failMeetingRequests(403);
    expect(await roster.isParticipant(TENANT, MEETING, ADA)).toBe('unknown');
    expect(stub.activities.map((a) => a.status)).toEqual([403]);
  });

  it('says unknown, with a warning, when Teams fails (after the connector’s own retries)', async () => {
    stub.failMeetingRequests(503);
    expect(await roster.isParticipant(TENANT, MEETING, ADA)).toBe('unknown');
    expect(stub.activities.length).toBeGreaterThan(0);
    expect(warnings).toContain('meeting roster: could not ask Teams about a meeting participant');
  });

  it('says unknown, with a warning and without asking anyone, when the bot knows nobody in the tenant', async () => {
    expect(await roster.isParticipant(OTHER_TENANT, MEETING, ADA)).toBe('unknown');
    expect(stub.activities).toEqual([]);
    expect(warnings).toEqual(['meeting roster: the bot knows no conversation in this tenant yet']);
  });

  it('names the organizer from the meeting details and their participant record', async () => {
    expect(await roster.organizer?.(TENANT, MEETING)).toEqual({ id: ADA, name: 'Ada' });
    expect(stub.activities.map((a) => [a.method, a.path, a.query])).toEqual([
      ['GET', `/v1/meetings/${encodeURIComponent(MEETING)}`, ''],
      ['GET', `/v1/meetings/${encodeURIComponent(MEETING)}/participants/${ADA}`, `?tenantId=${TENANT}`],
    ]);
  });

  it('names no organizer when Teams does not know the meeting or fails', async () => {
    expect(await roster.organizer?.(TENANT, 'MCMxOTpvdGhlcg==' as MeetingKey)).toBeUndefined();
    stub.failMeetingRequests(503);
    expect(await roster.organizer?.(TENANT, MEETING)).toBeUndefined();
    expect(await roster.organizer?.(OTHER_TENANT, MEETING)).toBeUndefined();
  });
});
