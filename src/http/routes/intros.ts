import type { Server } from 'restify';
import { sessionActionRequestSchema, type Me } from '../../domain/api';
import { sessionTag } from '../../domain/sessionTag';
import { introIdParam } from '../params';
import { notesBodySchema } from '../../domain/notes.schema';
import { getIntro, listMyIntros } from '../../app/intros';
import { getMyNotes, saveMyNotes } from '../../app/notes';
import { changeSession, getSession } from '../../app/sessions';
import { readBody } from '../body';
import { authed, etag, preconditionHeader, type HttpDeps } from '../context';
import { sendFailure } from '../errors';
import type { Notifier } from '../../app/ports';
import { pageQuerySchema, parseQuery, sendPage } from '../paging';

/** Routes for the caller, intros, their session clock and the caller's notes. */
export function introRoutes(server: Server, deps: HttpDeps & { readonly notifier?: Notifier }): void {
  server.get(
    '/api/v1/me',
    authed(deps, async (_req, res, caller) => {
      const me: Me = { userId: caller.userId, tenantId: caller.tenantId, name: caller.name };
      res.send(200, me);
    }),
  );

  server.get(
    '/api/v1/intros',
    authed(deps, async (req, res, caller) => {
      const query = parseQuery(req, res, pageQuerySchema);
      if (query) await sendPage(res, () => listMyIntros(deps.useCases, caller, query));
    }),
  );

  server.get(
    '/api/v1/intros/:id',
    authed(deps, async (req, res, caller) => {
      const id = introIdParam(req, res);
      if (!id) return;
      const result = await getIntro(deps.useCases, caller, id);
      if (!result.ok) return sendFailure(res, result.error);
      res.send(200, result.value);
    }),
  );

  server.get(
    '/api/v1/intros/:id/session',
    authed(deps, async (req, res, caller) => {
      const id = introIdParam(req, res);
      if (!id) return;
      const ifNoneMatch = preconditionHeader(req, 'If-None-Match');
      if (!ifNoneMatch.ok) return sendFailure(res, ifNoneMatch.error);
      const result = await getSession(deps.useCases, caller, id);
      if (!result.ok) return sendFailure(res, result.error);
      // The tag changes with the session and with the roles, so a hand-over reaches both panels within a poll.
      const tag = sessionTag(result.value);
      res.header('ETag', etag(tag));
      if (ifNoneMatch.value === tag) {
        // 304 carries the server time too, so clients keep correcting their clock offset.
        res.header('X-Server-Now', String(result.value.serverNow));
        return void res.send(304);
      }
      res.send(200, result.value);
    }),
  );

  server.post(
    '/api/v1/intros/:id/session',
    authed(deps, async (req, res, caller) => {
      const id = introIdParam(req, res);
      if (!id) return;
      const body = await readBody(req, sessionActionRequestSchema);
      if (!body.ok) return sendFailure(res, body.error);
      const precondition = preconditionHeader(req, 'If-Match');
      if (!precondition.ok) return sendFailure(res, precondition.error);
      const result = await changeSession(
        { ...deps.useCases, notifier: deps.notifier },
        caller,
        id,
        body.value,
        precondition.value,
      );
      if (!result.ok) return sendFailure(res, result.error);
      // The same tag as the session poll's, so either answer's ETag can be sent back as If-Match or If-None-Match.
      res.header('ETag', etag(sessionTag(result.value)));
      res.send(200, result.value);
    }),
  );

  server.get(
    '/api/v1/intros/:id/notes',
    authed(deps, async (req, res, caller) => {
      const id = introIdParam(req, res);
      if (!id) return;
      const result = await getMyNotes(deps.useCases, caller, id);
      if (!result.ok) return sendFailure(res, result.error);
      res.header('ETag', etag(result.value.version));
      res.send(200, result.value);
    }),
  );

  server.put(
    '/api/v1/intros/:id/notes',
    authed(deps, async (req, res, caller) => {
      const id = introIdParam(req, res);
      if (!id) return;
      const ifMatch = preconditionHeader(req, 'If-Match');
      if (!ifMatch.ok) return sendFailure(res, ifMatch.error);
      if (ifMatch.value === undefined) {
        return sendFailure(res, {
          code: 'preconditionRequired',
          message: 'Send If-Match with the version you edited ("0" for new notes).',
        });
      }
      const body = await readBody(req, notesBodySchema);
      if (!body.ok) return sendFailure(res, body.error);
      const result = await saveMyNotes(deps.useCases, caller, id, body.value, ifMatch.value);
      if (!result.ok) return sendFailure(res, result.error, 'current' in result ? { current: result.current } : {});
      res.header('ETag', etag(result.value.version));
      res.send(200, result.value);
    }),
  );
}
