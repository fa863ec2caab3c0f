import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { griffelAot } from './griffelAot.mjs';

// Vite's config loader defines __dirname; plain joins keep Node built-ins out of tab/ (see eslint.config.mjs).
const root = __dirname;

/** Multi-page build of the tab; the server serves `tab/dist` at `/tab/`. */
export default defineConfig({
  root,
  base: '/tab/',
  plugins: [griffelAot(), react()],
  build: {
    outDir: `${root}/dist`,
    emptyOutDir: true,
    // Every browser Teams runs in supports <link rel="modulepreload">: no polyfill file on the first load.
    modulePreload: { polyfill: false },
    // .vite/manifest.json: which files only the local preview and host simulator load, so a deployment serves none.
    manifest: true,
    rolldownOptions: {
      input: {
        index: `${root}/index.html`,
        preview: `${root}/preview.html`,
        host: `${root}/host.html`,
      },
    },
  },
});
