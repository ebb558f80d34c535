// Inspects the production build: the service worker, its precache list, the web app manifest and
// the Home Screen tags Safari reads.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dist = 'dist';

if (!existsSync(`${dist}/sw.js`)) throw new Error('dist/ is missing: run `npm run build` first.');

describe('dist/', () => {
  const sw = readFileSync(`${dist}/sw.js`, 'utf8');
  const manifest = JSON.parse(readFileSync(`${dist}/manifest.webmanifest`, 'utf8')) as {
    name: string;
    display: string;
    start_url: string;
    theme_color: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };
  const precached = [...sw.matchAll(/"revision":(?:"[^"]*"|null),"url":"([^"]+)"/g)].map(
    (match) => match[1],
  );

  it('has a service worker whose precache holds the app shell', () => {
    expect(precached).toContain('index.html');
    const assets = readdirSync(`${dist}/assets`).filter((file) => /\.(js|css)$/.test(file));
    for (const asset of assets) expect(precached).toContain(`assets/${asset}`);
    expect(precached).toContain('manifest.webmanifest');
    expect(precached).toContain('pwa-192x192.png');
  });

  it('precaches no media or demo content', () => {
    expect(precached.filter((url) => /\.(wav|mp3|m4a)$|^demo\//.test(url ?? ''))).toEqual([]);
  });

  it('has an installable manifest: name, standalone, start URL, theme, 192/512 and maskable icons', () => {
    expect(manifest).toMatchObject({ name: 'Longwave', display: 'standalone', start_url: '/' });
    expect(manifest.theme_color).toMatch(/^#/);
    const sizes = manifest.icons.map(
      (icon) => `${icon.sizes}${icon.purpose === 'maskable' ? ' maskable' : ''}`,
    );
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512', '512x512 maskable']));
    for (const icon of manifest.icons) expect(existsSync(`${dist}/${icon.src}`)).toBe(true);
  });

  it('gives Safari on iOS its Home Screen icon, standalone mode, status bar and title', () => {
    const html = readFileSync(`${dist}/index.html`, 'utf8');
    const icon = /<link rel="apple-touch-icon" href="\/([^"]+)"/.exec(html)?.[1];
    expect(icon && existsSync(`${dist}/${icon}`)).toBe(true);
    expect(html).toContain('<meta name="apple-mobile-web-app-capable" content="yes"');
    expect(html).toContain('<meta name="mobile-web-app-capable" content="yes"');
    // The header is dark with white text: a black bar with white text continues it.
    expect(html).toContain('<meta name="apple-mobile-web-app-status-bar-style" content="black"');
    expect(html).toContain('<meta name="apple-mobile-web-app-title" content="Longwave"');
  });

  it('links the manifest from index.html', () => {
    expect(readFileSync(`${dist}/index.html`, 'utf8')).toMatch(
      /<link rel="manifest" href="\/manifest\.webmanifest"/,
    );
  });
});
