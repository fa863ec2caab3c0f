// @ts-check
// Build-time (ahead-of-time) Griffel for the tab's `*.styles.ts` files, as Fluent's own components ship: each
// `makeStyles({...})` export becomes `__styles(classes, css)`, so the page does not carry Griffel's style compiler
// (rtl-css-js, stylis; ~18 KB gzipped) for its first paint. A file it cannot evaluate is left as it is, with a warning.
import { resolveStyleRulesForSlots } from '@griffel/core';
import { build } from 'esbuild';

const MARK = '__griffelAotStyles';
const SHIM = 'griffel-aot-shim';

/** What a `.styles.ts` file may import from Fluent at build time: tokens, shorthands and a recording makeStyles. */
const shimSource = `export { tokens } from '@fluentui/tokens';
export { shorthands } from '@griffel/core';
export const makeStyles = (styles) => ({ ${MARK}: styles });`;

/** @param {string} file */
async function evaluate(file) {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
    plugins: [
      {
        name: SHIM,
        setup(on) {
          on.onResolve({ filter: /^@fluentui\/react-components$/ }, () => ({ path: SHIM, namespace: SHIM }));
          on.onLoad({ filter: /.*/, namespace: SHIM }, () => ({ contents: shimSource, resolveDir: process.cwd() }));
        },
      },
    ],
  });
  const code = result.outputFiles[0]?.text ?? '';
  return /** @type {Record<string, unknown>} */ (
    await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)
  );
}

/** @param {Record<string, unknown>} exports */
function compile(exports) {
  const lines = ["import { __styles } from '@griffel/react';"];
  for (const [name, value] of Object.entries(exports)) {
    const styles =
      value && typeof value === 'object' ? /** @type {Record<string, unknown>} */ (value)[MARK] : undefined;
    if (!styles) return undefined; // something other than makeStyles: keep the file as written
    const [classes, css] = resolveStyleRulesForSlots(/** @type {never} */ (styles));
    lines.push(`export const ${name} = /*#__PURE__*/ __styles(${JSON.stringify(classes)}, ${JSON.stringify(css)});`);
  }
  return lines.join('\n');
}

/** The Vite plugin (build only; the dev server keeps runtime makeStyles). */
export function griffelAot() {
  return {
    name: 'griffel-aot',
    apply: /** @type {const} */ ('build'),
    enforce: /** @type {const} */ ('pre'),
    /** @param {string} _code @param {string} id */
    async transform(_code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      try {
        const code = compile(await evaluate(id));
        if (code) return { code, map: null };
      } catch (error) {
        this.warn(`griffel-aot: ${id} kept runtime makeStyles (${error instanceof Error ? error.message : error})`);
      }
      return null;
    },
  };
}
