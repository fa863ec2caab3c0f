import type { Request, Response, Server } from 'restify';
import { parseIntroId, parseTenantId, type IntroId, type TenantId } from '../../domain/ids';
import type { Intro } from '../../domain/intro';

/** What the invite route needs: the intro a link names, the time, and the check for a signed link. */
export interface InviteDeps {
  readonly inviteIntro: (tenantId: TenantId, id: IntroId) => Promise<Intro | undefined>;
  readonly now: () => number;
  /** Checks the link's signature and expiry at `nowMs`. */
  readonly verify: (link: { tenantId: string; introId: string; exp: string; sig: string }, nowMs: number) => boolean;
  readonly render: (intro: Intro, stampMs: number) => string;
}

function notFound(res: Response): void {
  res.send(404, { error: { code: 'notFound', message: 'No invite at this address.' } });
}

/** GET /invites/:introId.ics?tenant=&exp=&sig= — the intro's .ics invite, for whoever holds the signed link. */
export function inviteRoutes(server: Server, deps: InviteDeps): void {
  server.get('/invites/:file', async (req: Request, res: Response) => {
    const match = /^(.+)\.ics$/.exec(String(req.params.file ?? ''));
    const introId = parseIntroId(match?.[1]);
    const url = new URL(req.url ?? '', 'http://x');
    const tenantId = parseTenantId(url.searchParams.get('tenant'));
    const sig = url.searchParams.get('sig') ?? '';
    const exp = url.searchParams.get('exp') ?? '';
    // A wrong signature, an expired link and a missing intro look the same, so links cannot be probed.
    if (!introId || !tenantId || !deps.verify({ tenantId, introId, exp, sig }, deps.now())) return notFound(res);
    const intro = await deps.inviteIntro(tenantId, introId);
    if (!intro) return notFound(res);
    const body = deps.render(intro, deps.now());
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="intro-${introId}.ics"`,
      'cache-control': 'private, no-store',
    });
    res.end(body);
  });
}
