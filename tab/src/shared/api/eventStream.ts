/** One server-sent event: its id (when the server gave one), its name and its data. */
export interface StreamEvent {
  readonly id?: string;
  readonly event: string;
  readonly data: string;
}

/** What a parsed stream yields: an event, or a comment (the server's heartbeat carries its time in one). */
export type StreamItem =
  { readonly kind: 'event'; readonly event: StreamEvent } | { readonly kind: 'comment'; readonly text: string };

/**
 * Parses text/event-stream as it arrives, in chunks cut anywhere (the HTML standard's format, restricted to what the
 * server writes: `id`, `event`, `data` lines and `:` comments). Returns a function taking the next chunk and
 * answering the items it completed.
 */
export function eventStreamParser(): (chunk: string) => StreamItem[] {
  let buffer = '';
  let id: string | undefined;
  let event = 'message';
  let data: string[] = [];
  return (chunk) => {
    buffer += chunk;
    const items: StreamItem[] = [];
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length > 0)
          items.push({ kind: 'event', event: { ...(id === undefined ? {} : { id }), event, data: data.join('\n') } });
        event = 'message';
        data = [];
      } else if (line.startsWith(':')) {
        items.push({ kind: 'comment', text: line.slice(1).trim() });
      } else {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') id = value;
        else if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
    }
    return items;
  };
}

/** Reads a fetch body as stream items until it ends (aborting the fetch ends it with an error). */
export async function* readEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamItem> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parse = eventStreamParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield* parse(decoder.decode(value, { stream: true }));
    }
  } finally {
    reader.releaseLock();
  }
}
