import type { UserId } from '../../src/domain/ids';
import { graphFreeBusy } from '../../src/calendar/graphFreeBusy';
import { startGraphStub, type GraphStub } from '../support/graphStub';

const LEADER = '5b0f1b6e-3c1d-4b8e-9f2a-0c4d5e6f7a8b' as UserId;
const KIM = '6e0f1b6e-3c1d-4b8e-9f2a-0c4d5e6f7a01' as UserId;
const GHOST = '6e0f1b6e-3c1d-4b8e-9f2a-0c4d5e6f7a99' as UserId;
const FROM = Date.parse('2025-06-02T00:00:00Z');
const TO = Date.parse('2025-06-16T00:00:00Z');

let stub: GraphStub;

beforeEach(async () => {
  stub = await startGraphStub();
  stub.addUser({ id: LEADER, displayName: 'Ada', mail: 'ada@contoso.com', userPrincipalName: 'ada@contoso.com' });
  stub.addUser({ id: KIM, displayName: 'Kim', mail: null, userPrincipalName: 'Kim@contoso.com' });
});
afterEach(async () => {
  await stub.stop();
});

const freeBusy = () =>
  graphFreeBusy({
    clientId: 'client-1',
    clientSecret: 'secret-1',
    tenantId: 'c0ffee00-0000-4000-8000-000000000001',
    baseUrl: stub.baseUrl,
    authorityHost: stub.authorityHost,
  });

describe('Graph free/busy (getSchedule)', () => {
  it('asks the organizer’s getSchedule for everyone’s addresses in UTC and returns busy blocks per person', async () => {
    stub.setBusy('ada@contoso.com', [{ start: '2025-06-02T09:00:00Z', end: '2025-06-02T10:30:00Z' }]);
    stub.setBusy('kim@contoso.com', [
      { start: '2025-06-03T13:00:00Z', end: '2025-06-03T14:00:00Z', status: 'oof' },
      { start: '2025-06-03T15:00:00Z', end: '2025-06-03T16:00:00Z', status: 'free' },
    ]);
    const found = await freeBusy().busy(LEADER, [LEADER, KIM, GHOST], FROM, TO);
    expect(found.ok).toBe(true);
    const busy = found.ok ? found.value : new Map();
    expect(busy.get(LEADER)).toEqual([
      { startMs: Date.parse('2025-06-02T09:00:00Z'), endMs: Date.parse('2025-06-02T10:30:00Z') },
    ]);
    expect(busy.get(KIM)).toEqual([
      { startMs: Date.parse('2025-06-03T13:00:00Z'), endMs: Date.parse('2025-06-03T14:00:00Z') },
    ]);
    expect(busy.has(GHOST)).toBe(false);
    const call = stub.requests.find((r) => r.path.endsWith('/calendar/getSchedule'));
    expect(call?.path).toBe(`/v1.0/users/${LEADER}/calendar/getSchedule`);
    expect(call?.body).toEqual({
      schedules: ['ada@contoso.com', 'kim@contoso.com'],
      startTime: { dateTime: '2025-06-02T00:00:00.000', timeZone: 'UTC' },
      endTime: { dateTime: '2025-06-16T00:00:00.000', timeZone: 'UTC' },
      availabilityViewInterval: 15,
    });
  });

  it('asks for at most 20 calendars a call', async () => {
    const people = Array.from({ length: 25 }, (_, i) => {
      const id = `7e0f1b6e-3c1d-4b8e-9f2a-0c4d5e6f7a${String(i).padStart(2, '0')}` as UserId;
      stub.addUser({ id, displayName: `P${i}`, mail: `p${i}@contoso.com`, userPrincipalName: `p${i}@contoso.com` });
      return id;
    });
    expect((await freeBusy().busy(LEADER, people, FROM, TO)).ok).toBe(true);
    const calls = stub.requests.filter((r) => r.path.endsWith('/calendar/getSchedule'));
    expect(calls.map((c) => (c.body as { schedules: string[] }).schedules.length)).toEqual([20, 5]);
  });

  it('says what permission is missing when Graph answers 403', async () => {
    stub.fail({ method: 'POST', path: /getSchedule$/, status: 403 });
    const found = await freeBusy().busy(LEADER, [LEADER, KIM], FROM, TO);
    expect(found.ok ? 'ok' : found.error).toEqual({
      code: 'forbidden',
      message: 'Free/busy needs the Calendars.Read application permission with admin consent.',
    });
  });
});
