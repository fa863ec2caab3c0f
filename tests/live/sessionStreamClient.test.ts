import { createApiClient, type SessionPush } from '../../tab/src/shared/api/client';
import { eventStreamParser } from '../../tab/src/shared/api/eventStream';
import { validateResponse } from '../../tab/src/shared/api/responseSchemas';

const INTRO = '6f1f7a9e-3c55-4f7e-9d1a-2b0c8e4d5a61';
const VIEW = {
  session: { status: 'notStarted', phaseIndex: 0, phaseStartedAt: null, pausedAt: null, elapsedBeforePause: 0 },
  version: 3,
  serverNow: 1_700_000_000_000,
  leaderId: '11111111-1111-4111-8111-111111111111',
};

/** A client whose fetch answers the stream with `text` cut into small chunks, as a network would deliver it. */
function streaming(text: string) {
  const seen: RequestInit[] = [];
  const api = createApiClient({
    getToken: async () => 'token',
    loadValidator: async () => validateResponse,
    fetch: async (_input, init) => {
      seen.push(init ?? {});
      const bytes = new TextEncoder().encode(text);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.slice(at, at + 7));
          controller.close();
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    },
  });
  return { api, seen };
}

async function pushesOf(text: string): Promise<{ pushes: SessionPush[]; headers: Record<string, string> }> {
  const { api, seen } = streaming(text);
  const stream = await api.streamSession(INTRO, 2, new AbortController().signal);
  const pushes: SessionPush[] = [];
  for await (const push of stream.pushes) pushes.push(push);
  return { pushes, headers: seen[0]!.headers as Record<string, string> };
}

describe('the tab’s session stream client', () => {
  it('sends the token in a header and Last-Event-ID, and reads views and heartbeat times from chunks cut anywhere', async () => {
    const event = `id: 3\nevent: session\ndata: ${JSON.stringify(VIEW)}\n\n`;
    const { pushes, headers } = await pushesOf(`: 1700000000500\n\n${event}: 1700000020000\n\n`);
    expect(headers).toMatchObject({ Authorization: 'Bearer token', 'Last-Event-ID': '2', Accept: 'text/event-stream' });
    expect(pushes.map((push) => push.kind)).toEqual(['time', 'view', 'time']);
    expect(pushes[1]).toMatchObject({ kind: 'view', view: VIEW });
    expect(pushes[2]).toMatchObject({ kind: 'time', serverNow: 1_700_000_020_000 });
  });

  it('refuses an event that does not match the contract (in development and tests)', async () => {
    const wrong = `id: 3\nevent: session\ndata: ${JSON.stringify({ ...VIEW, version: 'three' })}\n\n`;
    await expect(pushesOf(wrong)).rejects.toMatchObject({ code: 'invalidResponse' });
  });

  it('parses CRLF lines, multi-line data and ignores unknown fields', () => {
    const parse = eventStreamParser();
    expect(parse('retry: 5\r\nevent: x\r\ndata: a\r\ndata: b\r\n\r\n')).toEqual([
      { kind: 'event', event: { event: 'x', data: 'a\nb' } },
    ]);
  });
});
