import type { UseCaseDeps } from '../../src/app/deps';
import { getMeetingIntro, startMeetingIntro } from '../../src/app/meetingIntros';
import type { MeetingRoster } from '../../src/app/ports';
import type { MeetingKey, UserId } from '../../src/domain/ids';
import { callerOf, historyWorld, KIM, LEAD, SAM, TENANT } from './historyFixture';

const MEETING = '19:meeting_roster@thread.v2' as MeetingKey;
type Answer = Awaited<ReturnType<MeetingRoster['isParticipant']>>;

/** Deps whose roster answers per person (`unknown` for anyone not listed), recording every question. */
function world(answers: Partial<Record<UserId, Answer>>, requireConfirmedParticipant: boolean) {
  const asked: string[] = [];
  const base = historyWorld().deps;
  const deps: UseCaseDeps = {
    ...base,
    requireConfirmedParticipant,
    roster: {
      isParticipant: async (tenantId, meetingId, userId) => {
        asked.push(`${tenantId}/${meetingId}/${userId}`);
        return answers[userId] ?? 'unknown';
      },
    },
  };
  return { deps, asked };
}

const start = (deps: UseCaseDeps, who: typeof LEAD) =>
  startMeetingIntro(deps, callerOf(who), MEETING, { durationMinutes: 30 });

describe('only meeting participants set up or join a meeting’s intro', () => {
  test('a participant sets it up, asking the roster about this tenant, meeting and person', async () => {
    const { deps, asked } = world({ [LEAD.id]: 'yes' }, true);
    const result = await start(deps, LEAD);
    expect(result).toMatchObject({ ok: true, value: { created: true, opened: { role: 'leader' } } });
    expect(asked).toEqual([`${TENANT}/${MEETING}/${LEAD.id}`]);
  });

  test('someone the roster says is not in the meeting can neither set it up nor join it', async () => {
    const { deps } = world({ [LEAD.id]: 'yes', [KIM.id]: 'no' }, false);
    expect(await start(deps, KIM)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'You are not a participant of this meeting.' },
    });
    expect(await deps.intros.findByMeeting(TENANT, MEETING)).toBeUndefined();
    expect((await start(deps, LEAD)).ok).toBe(true);
    expect(await start(deps, KIM)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const stored = await deps.intros.findByMeeting(TENANT, MEETING);
    expect(stored?.member).toBeUndefined();
    // The panel tells the outsider nothing: as if there were no intro.
    expect(await getMeetingIntro(deps, callerOf(KIM), MEETING)).toEqual({
      ok: false,
      error: { code: 'notFound', message: 'There is no intro 1:1 in this meeting yet.' },
    });
  });

  test('a participant takes the member slot; the leader reopening is not asked again', async () => {
    const { deps, asked } = world({ [LEAD.id]: 'yes', [SAM.id]: 'yes' }, true);
    expect((await start(deps, LEAD)).ok).toBe(true);
    expect(await start(deps, SAM)).toMatchObject({ ok: true, value: { created: false, opened: { role: 'member' } } });
    expect(await start(deps, LEAD)).toMatchObject({ ok: true, value: { created: false, opened: { role: 'leader' } } });
    expect(asked).toEqual([`${TENANT}/${MEETING}/${LEAD.id}`, `${TENANT}/${MEETING}/${SAM.id}`]);
  });

  test('an unconfirmed caller is refused when confirmation is required (real Teams)', async () => {
    const { deps } = world({ [LEAD.id]: 'yes' }, true);
    expect(await start(deps, SAM)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Could not confirm you are in this meeting; try again in a moment.' },
    });
    expect((await start(deps, LEAD)).ok).toBe(true);
    expect(await start(deps, SAM)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await deps.intros.findByMeeting(TENANT, MEETING))?.member).toBeUndefined();
  });

  test('an unconfirmed caller is let in when confirmation is not required (local runs without a bot)', async () => {
    const { deps } = world({}, false);
    expect(await start(deps, LEAD)).toMatchObject({ ok: true, value: { created: true } });
    expect(await start(deps, SAM)).toMatchObject({ ok: true, value: { opened: { role: 'member' } } });
  });

  test('the lookup tells an unconfirmed caller nothing while confirmation is required, and never names the leader', async () => {
    const { deps } = world({ [LEAD.id]: 'yes' }, true);
    expect((await start(deps, LEAD)).ok).toBe(true);
    expect(await getMeetingIntro(deps, callerOf(SAM), MEETING)).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
    const { deps: open } = world({}, false);
    expect((await start(open, LEAD)).ok).toBe(true);
    const offer = await getMeetingIntro(open, callerOf(SAM), MEETING);
    expect(offer).toMatchObject({ ok: false, error: { code: 'awaitingMember' } });
    expect(JSON.stringify(offer)).not.toContain(LEAD.name);
  });

  test('the meeting organizer leads when Teams names them; the caller who set it up takes part', async () => {
    const { deps } = world({ [SAM.id]: 'yes', [LEAD.id]: 'yes' }, true);
    const withOrganizer: UseCaseDeps = { ...deps, roster: { ...deps.roster, organizer: async () => LEAD } };
    expect(await start(withOrganizer, SAM)).toMatchObject({
      ok: true,
      value: { created: true, opened: { role: 'member', intro: { leader: LEAD, member: SAM } } },
    });
    expect(await start(withOrganizer, LEAD)).toMatchObject({ ok: true, value: { opened: { role: 'leader' } } });
  });

  test('the caller leads when the organizer is the caller or Teams cannot say', async () => {
    const { deps } = world({ [LEAD.id]: 'yes' }, true);
    const self: UseCaseDeps = { ...deps, roster: { ...deps.roster, organizer: async () => LEAD } };
    expect(await start(self, LEAD)).toMatchObject({ ok: true, value: { opened: { role: 'leader' } } });
    const { deps: unknownDeps } = world({ [SAM.id]: 'yes' }, true);
    const silent: UseCaseDeps = { ...unknownDeps, roster: { ...unknownDeps.roster, organizer: async () => undefined } };
    expect(await start(silent, SAM)).toMatchObject({
      ok: true,
      value: { opened: { role: 'leader', intro: { leader: SAM } } },
    });
  });
});
