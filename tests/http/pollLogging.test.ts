import pino from 'pino';
import { LEADER, startTestApp } from '../support/testApp';

describe('request log of the session poll', () => {
  it('logs a poll that returns the session at info, and a "not modified" poll only at debug', async () => {
    const lines: Array<{ level: number; msg: string; url?: string; status?: number }> = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const app = await startTestApp({}, { logger });
    try {
      const made = await app.api(LEADER, '/api/v1/meetings/poll-log/intro', { body: {} });
      const introId = ((await made.json()) as { intro: { id: string } }).intro.id;
      const first = await app.api(LEADER, `/api/v1/intros/${introId}/session`);
      const tag = first.headers.get('etag') ?? '';
      const again = await app.api(LEADER, `/api/v1/intros/${introId}/session`, { headers: { 'if-none-match': tag } });
      expect([first.status, again.status]).toEqual([200, 304]);
      await new Promise((resolve) => setImmediate(resolve));
      const polls = lines.filter((line) => line.msg === 'request' && line.url?.endsWith('/session'));
      expect(polls.map((line) => [line.status, pino.levels.labels[line.level]])).toEqual([
        [200, 'info'],
        [304, 'debug'],
      ]);
    } finally {
      await app.stop();
    }
  });
});
