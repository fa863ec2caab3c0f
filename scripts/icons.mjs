// Renders the Teams app icons (appPackage/color.png 192×192, appPackage/outline.png 32×32) from SVG in headless Chromium.
// Usage: node scripts/icons.mjs   (the PNGs are committed; run this only to regenerate them)
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const accent = '#5B5FC7';

/** Two overlapping speech bubbles — leader and new member — on the accent colour, symbol inside the central safe area. */
const colorSvg = `
<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 192 192">
  <rect width="192" height="192" fill="${accent}"/>
  <g transform="translate(36 44)">
    <path d="M8 0h64a8 8 0 0 1 8 8v40a8 8 0 0 1-8 8H34l-16 14v-14H8a8 8 0 0 1-8-8V8a8 8 0 0 1 8-8z" fill="#FFFFFF"/>
    <path d="M48 32h64a8 8 0 0 1 8 8v40a8 8 0 0 1-8 8h-10v14l-16-14H48a8 8 0 0 1-8-8V40a8 8 0 0 1 8-8z"
          fill="#C5C7F5" stroke="${accent}" stroke-width="5"/>
    <circle cx="26" cy="20" r="5" fill="${accent}"/>
    <circle cx="40" cy="20" r="5" fill="${accent}"/>
    <circle cx="54" cy="20" r="5" fill="${accent}"/>
    <circle cx="66" cy="60" r="5" fill="#3D3F99"/>
    <circle cx="80" cy="60" r="5" fill="#3D3F99"/>
    <circle cx="94" cy="60" r="5" fill="#3D3F99"/>
  </g>
</svg>`;

/** The same two bubbles as white strokes on a transparent background, as Teams requires for the outline icon. */
const outlineSvg = `
<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">
  <defs>
    <path id="front" d="M5.5 4h12a2.5 2.5 0 0 1 2.5 2.5v7a2.5 2.5 0 0 1-2.5 2.5H11l-4.5 4v-4h-1A2.5 2.5 0 0 1 3 13.5v-7A2.5 2.5 0 0 1 5.5 4z"/>
    <mask id="behind">
      <rect width="32" height="32" fill="#FFFFFF"/>
      <use href="#front" fill="#000000" stroke="#000000" stroke-width="5"/>
    </mask>
  </defs>
  <g fill="none" stroke="#FFFFFF" stroke-width="2" stroke-linejoin="round">
    <use href="#front"/>
    <path mask="url(#behind)"
          d="M14.5 11h12a2.5 2.5 0 0 1 2.5 2.5v7a2.5 2.5 0 0 1-2.5 2.5h-1v4l-4.5-4h-6.5a2.5 2.5 0 0 1-2.5-2.5v-7a2.5 2.5 0 0 1 2.5-2.5z"/>
  </g>
</svg>`;

// The same flags the tests launch Chromium with.
const flags = JSON.parse(await readFile(join(dirname(fileURLToPath(import.meta.url)), 'chromium-flags.json'), 'utf8'));

/** Renders one SVG at its natural size and returns PNG bytes with a transparent page background. */
async function render(page, svg, size) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  await writeFile(join(root, 'appPackage/color.png'), await render(page, colorSvg, 192));
  await writeFile(join(root, 'appPackage/outline.png'), await render(page, outlineSvg, 32));
  console.log('Wrote appPackage/color.png (192×192) and appPackage/outline.png (32×32).');
} finally {
  await browser.close();
}
