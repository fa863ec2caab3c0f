import type { Me } from '../../contract';
import { sendPage } from '../paging';
import type { RouteHandler } from '../route';
import { introListView, introView } from '../views/intros';

/** GET /me: who the token says the caller is. */
export const meRoute: RouteHandler<'me'> = async ({ res, caller }) => {
  const me: Me = { userId: caller.userId, tenantId: caller.tenantId, name: caller.name };
  res.send(200, me);
};

/** GET /intros: a page of the caller's intros. */
export const listIntrosRoute: RouteHandler<'listIntros'> = async ({ res, caller, query }, deps) => {
  await sendPage(res, async () => introListView(await deps.useCases.listMyIntros(caller, query)));
};

/** GET /intros/:id: one intro the caller takes part in. */
export const getIntroRoute: RouteHandler<'getIntro'> = async ({ res, caller, params, fail }, deps) => {
  const result = await deps.useCases.getIntro(caller, params.id);
  if (!result.ok) return fail(result.error);
  res.send(200, introView(result.value));
};
