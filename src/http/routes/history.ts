import type { Response } from 'restify';
import { exportCsv, exportMarkdown } from '../../domain/historyExport';
import { sendPage } from '../paging';
import type { RouteHandler } from '../route';
import { carriedForwardView, historyListView, historySearchView } from '../views/history';

function sendAttachment(res: Response, body: string, type: string, filename: string): void {
  res.writeHead(200, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** GET /history: intros the caller led or attended, newest first. */
export const historyRoute: RouteHandler<'history'> = async ({ res, caller, query }, deps) => {
  await sendPage(res, async () => historyListView(await deps.useCases.listHistory(caller, query)));
};

/** GET /history/search: searches only the caller's own notes. */
export const searchHistoryRoute: RouteHandler<'searchHistory'> = async ({ res, caller, query }, deps) => {
  res.send(200, historySearchView(await deps.useCases.searchHistory(caller, query)));
};

/** GET /export.md: the caller's own data as a Markdown attachment. */
export const exportMarkdownRoute: RouteHandler<'exportMarkdown'> = async ({ res, caller }, { useCases }) => {
  const exportedAt = new Date(useCases.now()).toISOString();
  const body = exportMarkdown(await useCases.exportEntries(caller), { name: caller.name, exportedAt });
  sendAttachment(res, body, 'text/markdown', `intro-1on1-${exportedAt.slice(0, 10)}.md`);
};

/** GET /export.csv: the caller's own data as a CSV attachment. */
export const exportCsvRoute: RouteHandler<'exportCsv'> = async ({ res, caller }, { useCases }) => {
  const exportedAt = new Date(useCases.now()).toISOString();
  const body = exportCsv(await useCases.exportEntries(caller));
  sendAttachment(res, body, 'text/csv', `intro-1on1-${exportedAt.slice(0, 10)}.csv`);
};

/** DELETE /me/data: all the caller's notes, the intros they led, and their bot reference. */
export const deleteMyDataRoute: RouteHandler<'deleteMyData'> = async ({ req, res, caller }, deps) => {
  const deleted = await deps.useCases.deleteAllMyData(caller);
  req.logger.info({ introsDeleted: deleted.introsDeleted }, 'deleted all data of a user on request');
  res.send(204);
};

/** GET /people/:userId/carried-forward: what the caller, as leader, carries into the next talk with that person. */
export const carriedForwardRoute: RouteHandler<'carriedForward'> = async ({ res, caller, params, query }, deps) => {
  const options = query.exclude ? { exclude: query.exclude } : {};
  res.send(200, carriedForwardView(await deps.useCases.carriedForward(caller, params.userId, options)));
};
