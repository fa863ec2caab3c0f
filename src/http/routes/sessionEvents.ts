import type { Response } from 'restify';
import type { SessionView } from '../../contract';
import type { SessionChanges } from '../../app/ports';
import { sessionTag } from '../../domain/sessionTag';
import type { HttpDeps, LoggedRequest } from '../context';
import type { RouteHandler } from '../route';
import type { SessionStreams } from '../sessionStreams';
import { sessionView } from '../views/intros';

/** What the session stream needs besides the HTTP deps: where changes are heard, and the streams held. */
export interface LiveDeps {
  readonly changes: SessionChanges;
  readonly streams: SessionStreams;
  /** False while changes made on other instances cannot reach this one (the shared engine is down): poll instead. */
  readonly sharing: () => boolean;
}

// The id a client sends back is one we wrote: a session ETag number. Anything else counts as no id at all.
const EVENT_ID = /^(0|[1-9]\d{0,15})$/;

function lastEventId(req: LoggedRequest): number | undefined {
  const raw = req.headers['last-event-id'];
  const match = typeof raw === 'string' ? EVENT_ID.exec(raw.trim()) : null;
  return match ? Number(match[1]) : undefined;
}

const eventOf = (view: SessionView) => `id: ${sessionTag(view)}\nevent: session\ndata: ${JSON.stringify(view)}\n\n`;

function openStream(res: Response): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    // nginx and some Azure front ends buffer answers unless told not to; a buffered stream never arrives.
    'X-Accel-Buffering': 'no',
    Connection: 'keep-alive',
  });
  res.flushHeaders();
}

/**
 * GET /intros/:id/session/events: the session as server-sent events. The same token and participant checks as GET
 * session, first and again on every reread (a participant who no longer takes part gets the stream ended); then an
 * event whenever a change notice makes a reread find a new ETag.
 */
export const sessionEventsRoute: RouteHandler<'sessionEvents', HttpDeps & { readonly live: LiveDeps }> = async (
  { req, res, caller, params, fail },
  deps,
) => {
  // Listen for the client going away before the first await: a stream closed while the session was read must not
  // stay held (and subscribed) with nobody to write to.
  let ended = false;
  let release: (() => void) | undefined = undefined;
  let unsubscribe: (() => void) | undefined = undefined;
  const end = () => {
    if (ended) return;
    ended = true;
    unsubscribe?.();
    release?.();
    res.end();
  };
  res.once('close', end);
  const read = await deps.useCases.getSession(caller, params.id);
  if (ended) return;
  if (!read.ok) return fail(read.error);
  const first = sessionView(read.value);
  let sentTag = lastEventId(req);
  const held = { beat: () => void res.write(`: ${deps.useCases.now()}\n\n`), end };
  release = deps.live.sharing() ? deps.live.streams.hold(`${caller.tenantId}|${caller.userId}`, held) : undefined;
  if (!release) {
    res.header('Retry-After', '60');
    return fail({ code: 'streamUnavailable', message: 'No live stream can be opened now; poll the session instead.' });
  }
  const send = (view: SessionView) => {
    if (ended || sessionTag(view) === sentTag) return;
    sentTag = sessionTag(view);
    res.write(eventOf(view));
  };
  // One reread at a time; notices arriving meanwhile fold into one more reread after it.
  let reading: Promise<void> | undefined;
  let again = false;
  const reread = async () => {
    do {
      again = false;
      const now = await deps.useCases.getSession(caller, params.id);
      if (!now.ok) return end();
      send(sessionView(now.value));
    } while (again && !ended);
  };
  const changed = () => {
    if (ended) return;
    if (reading) return void (again = true);
    reading = reread()
      .catch((err: unknown) => {
        req.logger.warn({ err }, 'session stream reread failed');
        end();
      })
      .finally(() => (reading = undefined));
  };
  unsubscribe = deps.live.changes.subscribe({ tenantId: caller.tenantId, introId: params.id }, changed);
  openStream(res);
  // At once: the current state when the client has none or an older one, else the server's time for its clock.
  if (sessionTag(first) === sentTag) res.write(`: ${first.serverNow}\n\n`);
  send(first);
  // A change between the first read and the subscription is caught by reading once more.
  changed();
};
