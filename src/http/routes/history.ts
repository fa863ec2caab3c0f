import type { Response, Server } from 'restify';
import { z } from 'zod';
import { carriedForward, listHistory, searchHistory } from '../../app/history';
import { deleteAllMyData, deleteMyNotes, exportEntries } from '../../app/historyData';
import { exportCsv, exportMarkdown } from '../../domain/historyExport';
import { MAX_QUERY_CHARS } from '../../domain/historySearch';
import { parseIntroId, parseUserId, type IntroId, type UserId } from '../../domain/ids';
import { authed, type HttpDeps } from '../context';
import { sendFailure } from '../errors';
import { pageQuerySchema, parseQuery, sendPage } from '../paging';
import { introIdParam } from '../params';

const userId = z.string().transform((value, ctx) => {
  const id = parseUserId(value);
  if (!id) ctx.addIssue({ code: 'custom', message: 'must be an Entra ID object id (GUID)' });
  return id as UserId;
});
const introId = z.string().transform((value, ctx) => {
  const id = parseIntroId(value);
  if (!id) ctx.addIssue({ code: 'custom', message: 'must be an intro id' });
  return id as IntroId;
});
const searchQuery = z.object({
  q: z.string().max(MAX_QUERY_CHARS).optional(),
  person: userId.optional(),
  followUps: z.enum(['open', 'done']).optional(),
});
const carriedQuery = z.object({ exclude: introId.optional() });

function sendAttachment(res: Response, body: string, type: string, filename: string): void {
  res.writeHead(200, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Routes for the personal tab: history, search, export, deletion and what carries forward. */
export function historyRoutes(server: Server, deps: HttpDeps): void {
  const useCases = deps.useCases;
  server.get(
    '/api/v1/history',
    authed(deps, async (req, res, caller) => {
      const query = parseQuery(req, res, pageQuerySchema);
      if (query) await sendPage(res, () => listHistory(useCases, caller, query));
    }),
  );
  server.get(
    '/api/v1/history/search',
    authed(deps, async (req, res, caller) => {
      const query = parseQuery(req, res, searchQuery);
      if (query) res.send(200, await searchHistory(useCases, caller, query));
    }),
  );
  server.get(
    '/api/v1/export.md',
    authed(deps, async (_req, res, caller) => {
      const exportedAt = new Date(useCases.clock.now()).toISOString();
      const body = exportMarkdown(await exportEntries(useCases, caller), { name: caller.name, exportedAt });
      sendAttachment(res, body, 'text/markdown', `intro-1on1-${exportedAt.slice(0, 10)}.md`);
    }),
  );
  server.get(
    '/api/v1/export.csv',
    authed(deps, async (_req, res, caller) => {
      const exportedAt = new Date(useCases.clock.now()).toISOString();
      const body = exportCsv(await exportEntries(useCases, caller));
      sendAttachment(res, body, 'text/csv', `intro-1on1-${exportedAt.slice(0, 10)}.csv`);
    }),
  );
  server.del(
    '/api/v1/intros/:id/notes',
    authed(deps, async (req, res, caller) => {
      const id = introIdParam(req, res);
      if (!id) return;
      const result = await deleteMyNotes(useCases, caller, id);
      if (!result.ok) return sendFailure(res, result.error);
      res.send(204);
    }),
  );
  server.del(
    '/api/v1/me/data',
    authed(deps, async (req, res, caller) => {
      const deleted = await deleteAllMyData(useCases, caller);
      req.logger.info({ introsDeleted: deleted.introsDeleted }, 'deleted all data of a user on request');
      res.send(204);
    }),
  );
  server.get(
    '/api/v1/people/:userId/carried-forward',
    authed(deps, async (req, res, caller) => {
      const member = parseUserId(req.params.userId);
      if (!member) return sendFailure(res, { code: 'invalidUserId', message: 'The user id in the path is not valid.' });
      const query = parseQuery(req, res, carriedQuery);
      if (!query) return;
      res.send(200, await carriedForward(useCases, caller, member, query.exclude ? { exclude: query.exclude } : {}));
    }),
  );
}
