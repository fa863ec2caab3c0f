import { existsSync } from 'node:fs';
import path from 'node:path';
import restify, { type Server } from 'restify';
import { requestUrl, routedPath } from '../requestUrl';

/** Pages that simulate Teams; they exist to run the tab without Teams and are served only locally. */
const LOCAL_ONLY = new Set(['preview.html', 'host.html']);

/** The file name a request asks for, decoded and lower-cased as the static server and file system would read it. */
export function requestedFile(url: string | undefined): string {
  return path.basename(routedPath(requestUrl(url)?.pathname ?? ''));
}

/** Serves the built tab under /tab/; the local preview and host simulator only when `local`. */
export function tabRoutes(server: Server, tabDir: string, local: boolean): void {
  const serve = restify.plugins.serveStaticFiles(tabDir, { maxAge: 0 });
  server.get('/tab/*', (req, res, next) => {
    if (!local && LOCAL_ONLY.has(requestedFile(req.url))) {
      res.send(404, { error: { code: 'notFound', message: 'The preview runs only locally.' } });
      return next(false);
    }
    if (!existsSync(path.join(tabDir, 'index.html'))) {
      res.send(503, { error: { code: 'tabNotBuilt', message: 'The tab is not built: run `npm run build:tab`.' } });
      return next(false);
    }
    return serve(req, res, next);
  });
  server.get('/', (_req, res, next) => {
    res.redirect(302, local ? '/tab/preview.html' : '/healthz', next);
  });
}
