import type { Server } from 'restify';
import type { HttpDeps, LoggedRequest } from '../context';

/** Liveness (the process answers) and readiness (the store answers). */
export function healthRoutes(server: Server, deps: HttpDeps): void {
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (req, res) => {
    try {
      await deps.health.ping();
      res.send(200, { status: 'ready' });
    } catch (err) {
      (req as unknown as LoggedRequest).logger.error({ err }, 'store not reachable');
      res.send(503, {
        status: 'unavailable',
        error: { code: 'storeUnavailable', message: 'The store does not answer.' },
      });
    }
  });
}
