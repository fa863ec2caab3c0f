import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectToHost } from './shared/teams';

/** How long the first render waits for the host before saying it is connecting. */
const HOST_WAIT_MS = 300;

const container = document.getElementById('root');
if (!container) throw new Error('tab/index.html needs an element with id "root".');
const render = () =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// As a bare TeamsJS page does: the host handshake first, so the first render is the page itself, not "Connecting".
// Whatever the host does (answers, stays silent, fails), the page renders once.
const hostOrTimeout = Promise.race([
  Promise.resolve().then(connectToHost),
  new Promise((resolve) => setTimeout(resolve, HOST_WAIT_MS)),
]);
void hostOrTimeout.then(render, render);
