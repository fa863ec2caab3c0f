import type { Server } from 'restify';
import { startInPersonRequestSchema } from '../../domain/api';
import type { UserId } from '../../domain/ids';
import { openInPerson, startInPerson } from '../../app/inPerson';
import { derivedGuid } from '../../derivedGuid';
import { readBody } from '../body';
import { authed, type HttpDeps } from '../context';
import { sendFailure } from '../errors';
import { introIdParam } from '../params';

/** Routes that start an intro held in person (coffee, lunch, a meeting room) or open a planned one to run now. */
export function inPersonRoutes(server: Server, deps: HttpDeps): void {
  server.post(
    '/api/v1/in-person',
    authed(deps, async (req, res, caller) => {
      const body = await readBody(req, startInPersonRequestSchema);
      if (!body.ok) return sendFailure(res, body.error);
      // The same id the bot's schedule flow gives a typed name, so both paths find the same person.
      const nameId = (name: string) => derivedGuid(`person|${caller.tenantId}|${name.toLowerCase()}`) as UserId;
      const result = await startInPerson(deps.useCases, caller, body.value, nameId);
      if (!result.ok) return sendFailure(res, result.error);
      res.send(201, result.value);
    }),
  );

  server.post(
    '/api/v1/intros/:id/in-person',
    authed(deps, async (req, res, caller) => {
      const id = introIdParam(req, res);
      if (!id) return;
      const result = await openInPerson(deps.useCases, caller, id);
      if (!result.ok) return sendFailure(res, result.error);
      res.send(200, result.value);
    }),
  );
}
