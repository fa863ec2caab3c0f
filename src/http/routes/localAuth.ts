import type { Server } from 'restify';
import { z } from 'zod';
import { LOCAL_AUTHORITY_PATH, type LocalIssuer } from '../../auth/localIssuer';
import { NIL_GUID } from '../../domain/ids';
import { tenantIdSchema, userIdSchema } from '../../domain/ids.schema';
import { readBody } from '../body';
import { sendFailure } from '../errors';

const realId = (id: string) => id !== NIL_GUID;
const tokenRequest = z
  .object({
    oid: userIdSchema.refine(realId, 'the nil GUID is nobody'),
    tid: tenantIdSchema.refine(realId, 'the nil GUID is no tenant'),
    name: z.string().trim().min(1).max(200),
  })
  .strict();

/**
 * Development-only routes: the local issuer's OpenID metadata and keys, and a token endpoint the
 * Teams host simulator uses in place of Teams SSO. Mounted only in local mode, which listens on loopback only.
 */
export function localAuthRoutes(server: Server, issuer: LocalIssuer): void {
  server.get(`${LOCAL_AUTHORITY_PATH}/v2.0/.well-known/openid-configuration`, async (_req, res) => {
    res.send(200, issuer.discoveryDocument());
  });
  server.get(`${LOCAL_AUTHORITY_PATH}/discovery/v2.0/keys`, async (_req, res) => {
    res.send(200, issuer.jwks());
  });
  server.post('/dev/token', async (req, res) => {
    const body = await readBody(req, tokenRequest);
    if (!body.ok) return sendFailure(res, body.error);
    res.send(200, { token: await issuer.mint(body.value) });
  });
}
