import type { Server } from 'restify';
import { StorageRefusedError } from '../../app/storageRefused';
import type { HttpDeps, LoggedRequest } from '../context';
import { STORAGE_REFUSED } from '../errors';

/** Liveness (the process answers) and readiness (the store answers reads and takes writes). */
export function healthRoutes(server: Server, deps: HttpDeps): void {
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (req, res) => {
    try {
      await deps.health.ping();
      res.send(200, { status: 'ready' });
    } catch (err) {
      const refused = err instanceof StorageRefusedError;
      (req as unknown as LoggedRequest).logger.error({ err }, refused ? 'store refuses writes' : 'store not reachable');
      // Not ready while writes fail: a deployment's probe then shows why, and the next probe retries a tiny write.
      const error = refused
        ? { code: STORAGE_REFUSED.code, message: `${err.message} Reads still work.` }
        : { code: 'storeUnavailable', message: 'The store does not answer.' };
      res.send(503, { status: 'unavailable', error });
    }
  });
}
