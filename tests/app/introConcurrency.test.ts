import { meetingEnded } from '../../src/app/meetingEvents';
import { startMeetingIntro } from '../../src/app/meetingIntros';
import type { FlowDeps } from '../../src/app/flowDeps';
import type { Notification } from '../../src/app/ports';
import { actOnSession } from '../../src/app/sessions';
import type { MeetingKey } from '../../src/domain/ids';
import { ok } from '../../src/domain/result';
import { callerOf, historyWorld, KIM, LEAD, SAM, TENANT } from './historyFixture';

const MEETING = '19:meeting_concurrency@thread.v2' as MeetingKey;
const start = (who: typeof LEAD) => (deps: ReturnType<typeof historyWorld>['deps']) =>
  startMeetingIntro(deps, callerOf(who), MEETING, { durationMinutes: 45 });

describe('intro writes under concurrency', () => {
  test('a member who joins while the leader starts the timer stays the member', async () => {
    const { deps } = historyWorld();
    const created = await start(LEAD)(deps);
    if (!created.ok) throw new Error(created.error.message);
    const introId = created.value.opened.intro.id;
    const saveSession = deps.intros.saveSession;
    // Sam opens the meeting panel after the leader's action read the intro, before it changes the status.
    const racing = {
      ...deps,
      intros: {
        ...deps.intros,
        saveSession: async (...args: Parameters<typeof saveSession>) => {
          expect((await start(SAM)(deps)).ok).toBe(true);
          return saveSession(...args);
        },
      },
    };
    expect((await actOnSession(racing, callerOf(LEAD), introId, 'start')).ok).toBe(true);
    const stored = await deps.intros.get(TENANT, introId);
    expect(stored).toMatchObject({ status: 'inProgress', member: SAM });
  });

  test('of two people opening a new intro at once, only one becomes the member', async () => {
    const { deps } = historyWorld();
    expect((await start(LEAD)(deps)).ok).toBe(true);
    const [sam, kim] = await Promise.all([start(SAM)(deps), start(KIM)(deps)]);
    const joined = [sam, kim].filter((result) => result.ok);
    expect(joined).toHaveLength(1);
    expect([sam, kim].filter((result) => !result.ok)).toEqual([
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) }),
    ]);
    const intro = await deps.intros.findByMeeting(TENANT, MEETING);
    expect(intro?.member?.id).toBe(sam.ok ? SAM.id : KIM.id);
  });

  test('two first openers at once share one intro: the second joins the first’s as member', async () => {
    const { deps } = historyWorld();
    const [lead, sam] = await Promise.all([start(LEAD)(deps), start(SAM)(deps)]);
    if (!lead.ok || !sam.ok) throw new Error('both should open the intro');
    expect(lead.value.opened.intro.id).toBe(sam.value.opened.intro.id);
    expect([lead.value.created, sam.value.created].sort()).toEqual([false, true]);
    const stored = await deps.intros.findByMeeting(TENANT, MEETING);
    expect(stored?.leader.id).toBe(lead.value.created ? LEAD.id : SAM.id);
    expect(stored?.member?.id).toBe(lead.value.created ? SAM.id : LEAD.id);
    expect((await deps.intros.listForUser(TENANT, LEAD.id, { limit: 5 })).items).toHaveLength(1);
  });

  test('a meeting that ends on two instances at once sends the leader one recap', async () => {
    const { deps } = historyWorld();
    const created = await start(LEAD)(deps);
    if (!created.ok) throw new Error(created.error.message);
    const sent: Notification[] = [];
    const flow: FlowDeps = {
      ...deps,
      jobs: {
        schedule: async () => undefined,
        claimDue: async () => undefined,
        complete: async () => true,
        recordAttempt: async () => true,
        reschedule: async () => true,
      },
      calendar: { schedule: async () => ok({}) },
      notifier: {
        notify: async (_tenant, _user, message) => {
          sent.push(message);
          return ok(undefined);
        },
      },
    };
    const event = { tenantId: TENANT, meetingId: MEETING };
    const ended = await Promise.all([meetingEnded(flow, event), meetingEnded(flow, event)]);
    expect(ended.filter((intro) => intro !== undefined)).toHaveLength(1);
    expect(sent.map((message) => message.kind)).toEqual(['recap']);
    expect((await deps.intros.get(TENANT, created.value.opened.intro.id))?.status).toBe('done');
  });
});
