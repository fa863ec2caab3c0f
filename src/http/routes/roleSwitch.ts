import type { Server } from 'restify';
import { roleSwitchRequestSchema } from '../../domain/api';
import { switchIntroRoles } from '../../app/roleSwitch';
import { readBody } from '../body';
import { authed, type HttpDeps } from '../context';
import { sendFailure } from '../errors';
import { introIdParam } from '../params';

/** The route that hands the lead over, with the other person's confirmation. */
export function roleSwitchRoutes(server: Server, deps: HttpDeps): void {
  server.post(
    '/api/v1/intros/:id/role-switch',
    authed(deps, async (req, res, caller) => {
      const id = introIdParam(req, res);
      if (!id) return;
      const body = await readBody(req, roleSwitchRequestSchema);
      if (!body.ok) return sendFailure(res, body.error);
      const result = await switchIntroRoles(deps.useCases, caller, id, body.value.action);
      if (!result.ok) return sendFailure(res, result.error);
      res.send(200, result.value);
    }),
  );
}
