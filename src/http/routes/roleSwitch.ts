import type { RouteHandler } from '../route';
import { introView } from '../views/intros';

/** POST /intros/:id/role-switch: hands the lead over, with the other person's confirmation. */
export const switchRolesRoute: RouteHandler<'switchRoles'> = async ({ res, caller, params, body, fail }, deps) => {
  const request = await body();
  if (!request.ok) return fail(request.error);
  const result = await deps.useCases.switchIntroRoles(caller, params.id, request.value.action);
  if (!result.ok) return fail(result.error);
  res.send(200, introView(result.value));
};
