import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import restify, { type Request, type Server } from 'restify';

/** Pages that simulate Teams; they exist to run the tab without Teams and are served only locally. */
const LOCAL_ONLY = ['preview.html', 'host.html'];

/** At most this many rounds of percent-decoding: no link the tab makes is encoded even twice. */
const DECODE_ROUNDS = 8;

/** `text` percent-decoded until it no longer changes; undefined when a round is malformed or it never settles. */
function fullyDecoded(text: string): string | undefined {
  let current = text;
  for (let round = 0; round < DECODE_ROUNDS; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  return undefined;
}

/** The last path segment as a file system may read it: either slash, any case, trailing dots and spaces dropped. */
function baseName(file: string): string {
  const segments = file.split(/[\\/]/).filter((segment) => segment !== '');
  return (segments.pop() ?? '').replace(/[. ]+$/, '').toLowerCase();
}

/** The file's identity, or undefined for anything that is not one (missing, a path through a file, too long). */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

const sameFile = (a: Stats | undefined, b: Stats | undefined) =>
  a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;

/** Where the tab's build lists each page's files and what they import (Vite's `build.manifest`). */
const MANIFEST = '.vite/manifest.json';

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly css?: readonly string[];
  readonly assets?: readonly string[];
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}

/** The files `entries` load, through their imports at once or later, by the manifest. */
function filesReached(manifest: Record<string, ManifestChunk>, entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (seen.has(key) || !chunk) return;
    seen.add(key);
    [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])].forEach((file) => files.add(file));
    [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])].forEach(visit);
  };
  entries.forEach(visit);
  return files;
}

/**
 * The files only the local-only pages load (the Teams host simulator's scripts and styles), and the manifest that
 * names them: what those pages reach through their imports, less what any other page reaches. Undefined when the
 * manifest cannot be read or a file it names cannot be found (asked again on the next request); then only the pages
 * themselves are local-only.
 */
function simulatorFiles(tabDir: string): Stats[] | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(tabDir, MANIFEST), 'utf8')) as Record<string, ManifestChunk>;
    const pages = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
    const localOnly = (key: string) => LOCAL_ONLY.includes(baseName(key));
    const served = filesReached(
      manifest,
      pages.filter((key) => !localOnly(key)),
    );
    const files = [...filesReached(manifest, pages.filter(localOnly)), MANIFEST].filter((file) => !served.has(file));
    const found = files.map((file) => statOf(path.join(tabDir, file)));
    return found.every((stats) => stats !== undefined) ? (found as Stats[]) : undefined;
  } catch {
    // Not Vite's manifest (a throw in a route handler would stop the process): as if there were none.
    return undefined;
  }
}

/**
 * True when `file` (fully decoded, relative to `tabDir`) names a local-only page or a file only those pages load, by
 * its name or by what it opens.
 */
function isLocalOnly(tabDir: string, file: string, simulator: readonly Stats[]): boolean {
  if (LOCAL_ONLY.includes(baseName(file))) return true;
  const opened = statOf(path.join(tabDir, file));
  const pages = LOCAL_ONLY.map((page) => statOf(path.join(tabDir, page)));
  return [...pages, ...simulator].some((local) => sameFile(opened, local));
}

/**
 * The file a request under /tab/ asks for, fully decoded, or undefined when it cannot be decoded. The router
 * decodes the path once and the static sender again, so a page checked after one decode could be served after two
 * (`%2570review.html`): the sender gets the fully decoded name, which decodes to itself, so it serves what was checked.
 */
function tabFile(req: Request): string | undefined {
  const params = req.params as Record<string, string | undefined>;
  const file = fullyDecoded(params['*'] ?? '');
  // A control character (`%00`) names no file the tab has, and the file system refuses a NUL outright.
  return file !== undefined && ![...file].some((char) => char.charCodeAt(0) < 0x20) ? file : undefined;
}

/** Serves the built tab under /tab/; the local preview and host simulator (pages and code) only when `local`. */
export function tabRoutes(server: Server, tabDir: string, local: boolean): void {
  const serve = restify.plugins.serveStaticFiles(tabDir, { maxAge: 0 });
  // Kept once read whole: a deployed tab does not change under the running server (a deploy restarts it).
  let simulator: Stats[] | undefined;
  const simulatorOnly = () => (simulator ??= simulatorFiles(tabDir));
  server.get('/tab/*', (req, res, next) => {
    const file = tabFile(req);
    if (file === undefined || (!local && isLocalOnly(tabDir, file, simulatorOnly() ?? []))) {
      res.send(404, { error: { code: 'notFound', message: 'No such page.' } });
      return next(false);
    }
    if (!existsSync(path.join(tabDir, 'index.html'))) {
      res.send(503, { error: { code: 'tabNotBuilt', message: 'The tab is not built: run `npm run build:tab`.' } });
      return next(false);
    }
    (req.params as Record<string, string>)['*'] = file;
    return serve(req, res, next);
  });
  server.get('/', (_req, res, next) => {
    res.redirect(302, local ? '/tab/preview.html' : '/healthz', next);
  });
}
