import { readEventStream, type StreamEvent, type StreamItem } from '../../tab/src/shared/api/eventStream';

/** A session stream opened by a test: its items in order, read on demand, and a way to cut it. */
export interface OpenStream {
  readonly response: Response;
  /** The next item (event or comment); rejects when the stream ends first. */
  next(): Promise<StreamItem>;
  /** The next event, skipping comments. */
  nextEvent(): Promise<StreamEvent>;
  close(): void;
}

/** Opens `url` as an event stream with `headers` (a bearer token, Last-Event-ID). */
export async function openStream(url: string, headers: Record<string, string>): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const items = response.body ? readEventStream(response.body) : undefined;
  const next = async (): Promise<StreamItem> => {
    const item = await items?.next();
    if (!item || item.done) throw new Error('The stream ended.');
    return item.value;
  };
  const nextEvent = async (): Promise<StreamEvent> => {
    for (;;) {
      const item = await next();
      if (item.kind === 'event') return item.event;
    }
  };
  return { response, next, nextEvent, close: () => controller.abort() };
}

/** The first event of a stream's answer, then the stream is cut. */
export async function firstEvent(response: Response): Promise<StreamEvent> {
  const items = readEventStream(response.body!);
  try {
    for await (const item of items) if (item.kind === 'event') return item.event;
    throw new Error('The stream ended before its first event.');
  } finally {
    await response.body!.cancel().catch(() => undefined);
  }
}
