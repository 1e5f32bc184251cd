/**
 * Draws the site's icons from one shape and writes them into the repository:
 *
 *   app/icon.svg           the favicon (Next links it from every page)
 *   app/apple-icon.png     180 × 180, for a home screen on iOS (Next links it too)
 *   public/icons/*.png     192 and 512 for the web manifest, and a maskable 512
 *
 * Run `npx tsx scripts/icons.ts` after changing the shape or the colours, and commit the result.
 * The PNGs are rasterised by the same Chromium the end-to-end tests drive, so no image library
 * is needed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../test/browser';

const BRAND = '#1d5c63';
const PAPER = '#fbf8f3';

/** A heart, drawn on a 32-unit grid, centred on (16, 18). */
const HEART = 'M16 25s-8-4.8-8-10.5A4.5 4.5 0 0 1 16 12a4.5 4.5 0 0 1 8 2.5C24 20.2 16 25 16 25z';

/**
 * `corner`: the favicon is a rounded tile; home screens round the corners themselves, so theirs
 * is square. `scale`: a maskable icon keeps its shape inside the middle 80 % (the safe zone).
 */
function iconSvg({ corner, scale }: { corner: number; scale: number }): string {
  const offset = 16 * (1 - scale);
  const transform = scale === 1 ? '' : ` transform="translate(${offset} ${offset}) scale(${scale})"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">` +
    `<rect width="32" height="32" rx="${corner}" fill="${BRAND}"/>` +
    `<path${transform} d="${HEART}" fill="${PAPER}"/>` +
    `</svg>\n`
  );
}

const root = path.resolve(import.meta.dirname, '..');

const rasters = [
  { file: 'app/apple-icon.png', size: 180, svg: iconSvg({ corner: 0, scale: 1 }) },
  { file: 'public/icons/icon-192.png', size: 192, svg: iconSvg({ corner: 6, scale: 1 }) },
  { file: 'public/icons/icon-512.png', size: 512, svg: iconSvg({ corner: 6, scale: 1 }) },
  { file: 'public/icons/maskable-512.png', size: 512, svg: iconSvg({ corner: 0, scale: 0.8 }) },
];

async function main() {
  fs.writeFileSync(path.join(root, 'app/icon.svg'), iconSvg({ corner: 8, scale: 1 }));
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  try {
    for (const { file, size, svg } of rasters) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(
        `<html><body style="margin:0"><img alt="" width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const target = path.join(root, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await page.screenshot({ path: target, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`${file} (${size} × ${size})`);
    }
  } finally {
    await browser.close();
  }
}

await main();
