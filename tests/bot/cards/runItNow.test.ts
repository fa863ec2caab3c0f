import { prepCard, runItNowUrl } from '../../../src/bot/cards/introCards';
import type { IntroId, TenantId, UserId } from '../../../src/domain/ids';
import type { Intro, Setting } from '../../../src/domain/intro';
import { validateCard } from '../../support/adaptiveCards';

const intro = (setting: Setting): Intro => ({
  id: 'b1c2d3e4-0000-4000-8000-000000000001' as IntroId,
  tenantId: '7a5b1c2d-0000-4000-8000-0000000000aa' as TenantId,
  leader: { id: '11111111-1111-4111-8111-111111111111' as UserId, name: 'Avery Leader' },
  member: { id: '22222222-2222-4222-8222-222222222222' as UserId, name: 'Sam Member' },
  scheduledStart: '2026-11-30T12:00:00.000Z',
  durationMinutes: 45,
  setting,
  status: 'scheduled',
  createdAt: '2026-11-29T12:00:00.000Z',
});
const TEAMS_HISTORY = 'https://teams.microsoft.com/l/entity/app-id/history';
const runButton = (setting: Setting) =>
  prepCard({ intro: intro(setting), previousGoals: [], openFollowUps: [] }, 'UTC', TEAMS_HISTORY).actions?.find(
    (action) => (action as { title?: string }).title === 'Run it now',
  );

describe('Run it now on the prep card', () => {
  it.each<Setting>(['coffee', 'lunch', 'meetingRoom'])('opens the run view for an intro %s', (setting) => {
    expect(runButton(setting)).toEqual({
      type: 'Action.OpenUrl',
      title: 'Run it now',
      url: `${TEAMS_HISTORY}?context=${encodeURIComponent('{"subEntityId":"run:b1c2d3e4-0000-4000-8000-000000000001"}')}`,
    });
    const card = prepCard({ intro: intro(setting), previousGoals: [], openFollowUps: [] }, 'UTC', TEAMS_HISTORY);
    expect(validateCard(card)).toEqual([]);
  });

  it('is not offered for a Teams call, which runs in the meeting side panel', () => {
    expect(runButton('teamsCall')).toBeUndefined();
  });

  it('links to the tab page with ?run= outside Teams (local runs)', () => {
    expect(runItNowUrl('http://127.0.0.1:3978/tab/index.html?view=history', 'abc')).toBe(
      'http://127.0.0.1:3978/tab/index.html?view=history&run=abc',
    );
  });
});
