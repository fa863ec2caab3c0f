import type { RouteHandler } from '../route';
import { introView } from '../views/intros';

/** GET /meetings/:meetingId/intro: the intro held in that meeting. */
export const getMeetingIntroRoute: RouteHandler<'getMeetingIntro'> = async ({ res, caller, params, fail }, deps) => {
  const result = await deps.useCases.getMeetingIntro(caller, params.meetingId);
  if (!result.ok) return fail(result.error);
  res.send(200, introView(result.value));
};

/** POST /meetings/:meetingId/intro: sets the intro up (201, the caller leads) or joins it (200). */
export const startMeetingIntroRoute: RouteHandler<'startMeetingIntro'> = async (
  { res, caller, params, body, fail },
  deps,
) => {
  const request = await body();
  if (!request.ok) return fail(request.error);
  const result = await deps.useCases.startMeetingIntro(caller, params.meetingId, request.value);
  if (!result.ok) return fail(result.error);
  res.send(result.value.created ? 201 : 200, introView(result.value.opened));
};
