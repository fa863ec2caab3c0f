import type { LatestRecapFailure, ShareRecapFailure } from '../../src/app/recap';
import type { ConfirmPlanFailure, TeamPlanFailure } from '../../src/app/teamPlan';
import type { IntroId, TenantId, UserId } from '../../src/domain/ids';
import type { Intro } from '../../src/domain/intro';
import type { Failure } from '../../src/domain/result';
import {
  CONFIRM_PLAN_REPLIES,
  PREP_REPLIES,
  recapReplies,
  replyTo,
  SHARE_REPLIES,
  TEAM_PLAN_REPLIES,
} from '../../src/bot/replies';

const intro = {
  id: 'i1' as IntroId,
  tenantId: 't1' as TenantId,
  leader: { id: 'u1' as UserId, name: 'Avery' },
  member: { id: 'u2' as UserId, name: 'Sam *Member*' },
  scheduledStart: '2025-06-03T09:00:00.000Z',
  durationMinutes: 45,
  setting: 'teamsCall',
  status: 'scheduled',
  createdAt: '2025-06-01T09:00:00.000Z',
} as Intro;

/** A failure typed as its use case's union, as the bot receives it. */
const failure = <E extends Failure>(error: E): E => error;

describe('the bot maps use-case codes to its own replies', () => {
  it.each([
    [
      'recap, none led',
      replyTo(recapReplies('UTC'), failure<LatestRecapFailure>({ code: 'noneLed', message: 'internal' })),
      /Type "schedule"/,
    ],
    [
      'prep, none coming',
      replyTo(PREP_REPLIES, failure<Failure<'noneComing'>>({ code: 'noneComing', message: 'internal' })),
      /coming up/,
    ],
    [
      'team plan, alone',
      replyTo(TEAM_PLAN_REPLIES, failure<TeamPlanFailure>({ code: 'alone', message: 'internal' })),
      /anyone else/,
    ],
    [
      'confirm, twice',
      replyTo(CONFIRM_PLAN_REPLIES, failure<ConfirmPlanFailure>({ code: 'alreadyConfirmed', message: 'internal' })),
      /already confirmed: nothing was scheduled twice\. Type "team"/,
    ],
  ])('%s', (_name, reply, expected) => {
    expect(reply).toMatch(expected);
    expect(reply).not.toContain('internal');
  });

  it('words replies from the data a failure carries, escaped for Markdown', () => {
    const notHeld = replyTo(
      recapReplies('Europe/Paris'),
      failure<LatestRecapFailure>({ code: 'notHeld', message: 'internal', intro }),
    );
    expect(notHeld).toMatch(/^Your intro 1:1 with Sam \\\*Member\\\* \(.+\) has not been held yet/);
    const unreachable = replyTo(
      SHARE_REPLIES,
      failure<ShareRecapFailure>({ code: 'unreachable', message: 'internal', memberName: 'Sam *M*' }),
    );
    expect(unreachable).toBe(
      "I can't reach Sam \\*M\\* yet: they need to open a chat with me in Teams first. Nothing was sent.",
    );
  });
});
