import { sessionTag } from '../../domain/sessionTag';
import { etag } from '../context';
import type { RouteHandler } from '../route';
import { sessionView } from '../views/intros';

/** GET /intros/:id/session: the clock, or 304 while the caller's ETag still matches. */
export const getSessionRoute: RouteHandler<'getSession'> = async ({ res, caller, params, header, fail }, deps) => {
  const ifNoneMatch = header('If-None-Match');
  if (!ifNoneMatch.ok) return fail(ifNoneMatch.error);
  const result = await deps.useCases.getSession(caller, params.id);
  if (!result.ok) return fail(result.error);
  const view = sessionView(result.value);
  // The tag changes with the session and with the roles, so a hand-over reaches both panels within a poll.
  const tag = sessionTag(view);
  res.header('ETag', etag(tag));
  if (ifNoneMatch.value === tag) {
    // 304 carries the server time too, so clients keep correcting their clock offset.
    res.header('X-Server-Now', String(view.serverNow));
    return void res.send(304);
  }
  res.send(200, view);
};

/** POST /intros/:id/session: a leader's clock action; End sends the leader's private recap through `notifier`. */
export const changeSessionRoute: RouteHandler<'changeSession'> = async (
  { res, caller, params, body, header, fail },
  deps,
) => {
  const action = await body();
  if (!action.ok) return fail(action.error);
  const precondition = header('If-Match');
  if (!precondition.ok) return fail(precondition.error);
  const result = await deps.useCases.changeSession(caller, params.id, action.value, precondition.value);
  if (!result.ok) return fail(result.error);
  const view = sessionView(result.value);
  // The same tag as the session poll's, so either answer's ETag can be sent back as If-Match or If-None-Match.
  res.header('ETag', etag(sessionTag(view)));
  res.send(200, view);
};
