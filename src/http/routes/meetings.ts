import type { Server } from 'restify';
import { startIntroRequestSchema } from '../../domain/api';
import { meetingIdParam } from '../params';
import { getMeetingIntro, startMeetingIntro } from '../../app/meetingIntros';
import { readBody } from '../body';
import { authed, type HttpDeps } from '../context';
import { sendFailure } from '../errors';

/** Routes for the intro held in a Teams meeting. */
export function meetingRoutes(server: Server, deps: HttpDeps): void {
  server.get(
    '/api/v1/meetings/:meetingId/intro',
    authed(deps, async (req, res, caller) => {
      const meetingId = meetingIdParam(req, res);
      if (!meetingId) return;
      const result = await getMeetingIntro(deps.useCases, caller, meetingId);
      if (!result.ok) return sendFailure(res, result.error);
      res.send(200, result.value);
    }),
  );

  server.post(
    '/api/v1/meetings/:meetingId/intro',
    authed(deps, async (req, res, caller) => {
      const meetingId = meetingIdParam(req, res);
      if (!meetingId) return;
      const body = await readBody(req, startIntroRequestSchema);
      if (!body.ok) return sendFailure(res, body.error);
      const result = await startMeetingIntro(deps.useCases, caller, meetingId, body.value);
      if (!result.ok) return sendFailure(res, result.error);
      res.send(result.value.created ? 201 : 200, result.value.view);
    }),
  );
}
