import type { Server } from 'restify';
import type { TeamPlanDeps } from '../../app/teamPlanSupport';
import { teamProgress } from '../../app/teamProgress';
import { authed, type HttpDeps } from '../context';

/** What the team plan route needs: the HTTP edge and the team plans. */
export interface TeamPlanRouteDeps extends HttpDeps {
  readonly teams: TeamPlanDeps;
}

/** `GET /api/v1/teams/plans` (no-store, as every private answer): the caller's planned teams and their progress. */
export function teamPlanRoutes(server: Server, deps: TeamPlanRouteDeps): void {
  server.get(
    '/api/v1/teams/plans',
    authed(deps, async (_req, res, caller) => {
      const teams = await teamProgress(deps.teams, caller);
      res.send(200, {
        teams: teams.map((team) => ({
          teamId: team.teamId,
          teamName: team.teamName,
          met: team.met,
          scheduled: team.scheduled,
          notScheduled: team.notScheduled,
          ...(team.next
            ? { next: { member: team.next.member, start: new Date(team.next.startMs).toISOString() } }
            : {}),
        })),
      });
    }),
  );
}
