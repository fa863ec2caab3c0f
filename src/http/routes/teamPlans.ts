import type { TeamPlans } from '../../contract';
import type { RouteHandler } from '../route';

/** GET /teams/plans: the caller's planned teams and their progress. */
export const teamPlansRoute: RouteHandler<'teamPlans'> = async ({ res, caller }, deps) => {
  const teams = await deps.useCases.teamProgress(caller);
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
