import type { UserId } from '../../domain/ids';
import { derivedGuid } from '../../derivedGuid';
import type { RouteHandler } from '../route';
import { introView } from '../views/intros';

/** POST /in-person: starts an intro held in person (coffee, lunch, a meeting room); the caller leads. */
export const startInPersonRoute: RouteHandler<'startInPerson'> = async ({ res, caller, body, fail }, deps) => {
  const request = await body();
  if (!request.ok) return fail(request.error);
  // The same id the bot's schedule flow gives a typed name, so both paths find the same person.
  const nameId = (name: string) => derivedGuid(`person|${caller.tenantId}|${name.toLowerCase()}`) as UserId;
  const result = await deps.useCases.startInPerson(caller, request.value, nameId);
  if (!result.ok) return fail(result.error);
  res.send(201, introView(result.value));
};

/** POST /intros/:id/in-person: a scheduled in-person intro, to run now. */
export const openInPersonRoute: RouteHandler<'openInPerson'> = async ({ res, caller, params, fail }, deps) => {
  const result = await deps.useCases.openInPerson(caller, params.id);
  if (!result.ok) return fail(result.error);
  res.send(200, introView(result.value));
};
