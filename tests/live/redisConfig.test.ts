import { ConfigError, loadConfig } from '../../src/config';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('REDIS_URL', () => {
  it('is absent by default: one process fans out in memory', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
  });

  it.each([
    'redis://127.0.0.1:6379',
    'redis://localhost:6390',
    'redis://[::1]:6379',
    'rediss://cache.example.net:6380',
  ])('accepts %s', (url) => {
    expect(loadConfig({ REDIS_URL: url }).redisUrl).toBe(url);
  });

  it.each(['redis://cache.example.net:6379', 'redis://10.0.0.4:6379', 'http://127.0.0.1:6379', 'not a url'])(
    'refuses %s: only TLS leaves the machine',
    (url) => {
      expect(problemsOf({ REDIS_URL: url }).join('\n')).toMatch(/REDIS_URL/);
    },
  );
});
