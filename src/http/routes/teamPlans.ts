import type { TeamPlanDeps } from '../../app/teamPlanSupport';
import { teamProgress } from '../../app/teamProgress';
import type { TeamPlans } from '../../contract';
import type { HttpDeps } from '../context';
import type { RouteHandler } from '../route';

/** What the team plan route needs: the HTTP edge and the team plans. */
export interface TeamPlanRouteDeps extends HttpDeps {
  readonly teams: TeamPlanDeps;
}

/** GET /teams/plans: the caller's planned teams and their progress. */
export const teamPlansRoute: RouteHandler<'teamPlans', TeamPlanRouteDeps> = async ({ res, caller }, deps) => {
  const teams = await teamProgress(deps.teams, caller);
  const answer: TeamPlans = {
    teams: teams.map((team) => ({
      teamId: team.teamId,
      teamName: team.teamName,
      met: team.met,
      scheduled: team.scheduled,
      notScheduled: team.notScheduled,
      ...(team.next ? { next: { member: team.next.member, start: new Date(team.next.startMs).toISOString() } } : {}),
    })),
  };
  res.send(200, answer);
};
