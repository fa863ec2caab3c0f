/**
 * The floor for `npm run bench:notes`: bare restify routes of the notes API's shapes, in memory, no auth, no
 * encryption, no logging. Prints `{"port":n}` once listening.
 */
import restify from 'restify';

const server = restify.createServer({ name: 'floor' });
const notes = new Map();

server.get('/api/v1/intros/:id/session', (req, res, next) => {
  res.header('ETag', '"1"');
  res.header('Cache-Control', 'no-store');
  if (req.headers['if-none-match'] === '"1"') res.send(304);
  else res.send(200, { session: { status: 'running', phase: 'goals' }, version: 1, serverNow: Date.now() });
  return next();
});

server.put('/api/v1/intros/:id/notes', async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const key = `${req.params.id}|${req.headers.authorization}`;
  const current = notes.get(key)?.version ?? 0;
  if (req.headers['if-match'] !== `"${current}"`) return void res.send(409, { error: { code: 'versionConflict' } });
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const version = current + 1;
  notes.set(key, { version, body });
  res.header('ETag', `"${version}"`);
  res.header('Cache-Control', 'no-store');
  res.send(200, { ...body, introId: req.params.id, version, updatedAt: new Date().toISOString() });
});

server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
