import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectToHost } from './shared/teams';

// The host handshake runs while React renders the first frame, not after it.
connectToHost();

const container = document.getElementById('root');
if (!container) throw new Error('tab/index.html needs an element with id "root".');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
