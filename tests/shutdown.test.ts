import net from 'node:net';
import { startTestApp } from './support/testApp';

/** A raw HTTP/1.1 connection: what the server wrote, and whether it ended the connection. */
function connect(port: number, host: string) {
  const socket = net.connect(port, host);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  return {
    socket,
    connected: new Promise((resolve) => socket.once('connect', resolve)),
    closed: new Promise((resolve) => socket.once('close', resolve)),
    received: () => received,
  };
}

/** The header blocks of every response in `raw` (bodies skipped by their Content-Length). */
function responseHeaders(raw: string): Record<string, string>[] {
  const answers: Record<string, string>[] = [];
  let at = raw.indexOf('HTTP/1.1 ');
  while (at >= 0) {
    const end = raw.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const lines = raw.slice(at, end).split('\r\n').slice(1);
    const headers = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
    );
    answers.push(headers);
    at = raw.indexOf('HTTP/1.1 ', end + 4 + Number(headers['content-length'] ?? 0));
  }
  return answers;
}

/** Stopping the app (SIGTERM) has a deadline: nothing a client does keeps the process alive past it. */
describe('shutdown', () => {
  it('cuts a stalled upload and a keep-alive client once the grace period is over', async () => {
    const app = await startTestApp();
    const { hostname, port } = new URL(app.baseUrl);
    const stalled = net.connect(Number(port), hostname);
    await new Promise((resolve) => stalled.once('connect', resolve));
    // Headers promise 10 KB, then nothing more arrives.
    stalled.write(
      `POST /api/messages HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{"ty`,
    );
    const keepAlive = await fetch(`${app.baseUrl}/healthz`, { keepalive: true });
    expect(keepAlive.status).toBe(200);
    await keepAlive.text();
    stalled.resume();
    const cut = new Promise((resolve) => stalled.once('close', resolve));

    const started = Date.now();
    await app.app.stop(300);
    await cut;
    expect(Date.now() - started).toBeLessThan(3000);
    await app.stop();
  });

  it('answers every request after stop begins with Connection: close, in flight or sent later', async () => {
    const app = await startTestApp();
    const { hostname, port } = new URL(app.baseUrl);
    const host = `Host: ${hostname}:${port}\r\n`;
    const body = JSON.stringify({ type: 'message' });
    const clients = [0, 1, 2, 3].map(() => connect(Number(port), hostname));
    await Promise.all(clients.map((client) => client.connected));
    // Each keep-alive client first gets an answer before shutdown (kept alive), then starts a slow upload.
    for (const client of clients) {
      client.socket.write(`GET /healthz HTTP/1.1\r\n${host}\r\n`);
      client.socket.write(
        `POST /api/messages HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n{`,
      );
    }
    await Promise.all(clients.map((client) => waitFor(() => responseHeaders(client.received()).length === 1)));
    const before = clients.map((client) => responseHeaders(client.received())[0]);
    expect(before.map((headers) => headers?.['connection'])).toEqual(clients.map(() => 'keep-alive'));

    const stopping = app.app.stop(30_000);
    // After stop began: the uploads finish, and each client sends another request on the same connection.
    for (const client of clients) client.socket.write(`${body.slice(1)}GET /healthz HTTP/1.1\r\n${host}\r\n`);
    await Promise.all(clients.map((client) => client.closed));
    await stopping;

    const after = clients.flatMap((client) => responseHeaders(client.received()).slice(1));
    expect(after.length).toBeGreaterThanOrEqual(clients.length);
    expect(after.map((headers) => headers['connection'])).toEqual(after.map(() => 'close'));
    await app.stop();
  });
});

/** Resolves once `done()` holds, checking on every turn of the event loop. */
async function waitFor(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setImmediate(resolve));
}
