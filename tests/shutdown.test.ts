import net from 'node:net';
import { startTestApp } from './support/testApp';

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
});
