/// <reference types="vite/client" />
import type { ResponseValidator } from './transport';

/**
 * Loads the answer checker in development (the Vite dev server); undefined in the production build, where Vite
 * replaces `import.meta.env.DEV` with false and the lazily imported zod schemas are left out entirely.
 */
export const loadDevValidator: (() => Promise<ResponseValidator>) | undefined = import.meta.env.DEV
  ? () => import('./responseSchemas').then((module) => module.validateResponse)
  : undefined;
