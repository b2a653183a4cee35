import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measureSizes } from '../../scripts/sizes.mjs';

/** About `n` bytes of pseudo-random text: gzip can barely shrink it, so sizes are predictable. */
function noise(n: number, seed: number): string {
  let x = seed;
  let text = '';
  for (let i = 0; i < n; i += 1) {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    text += String.fromCharCode(33 + (x % 89));
  }
  return text;
}

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function build(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'closer-sizes-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('measureSizes (the size check in npm test)', () => {
  const page = `<script type="module" src="/chunks/page.js"></script>
<link rel="modulepreload" href="/chunks/shared.js">`;

  it('follows the script, module preloads, static and dynamic imports, each file once', () => {
    const out = build({
      'page.html': page,
      'chunks/page.js': `import "./shared.js";import("./app.js");${noise(200, 1)}`,
      'chunks/shared.js': `export const a=1;${noise(300, 2)}`,
      'chunks/app.js': `import{a}from"./shared.js";${noise(400, 3)}`,
      'chunks/unused.js': noise(5000, 4),
    });
    const [row] = measureSizes(out, { 'page.html': 10_000 });
    expect(row).toMatchObject({ entry: 'page.html', files: 3, ok: true });
    expect(row!.gzip).toBeGreaterThan(700);
    expect(row!.gzip).toBeLessThan(2000);
  });

  it('counts what the app imports on demand (a form, an action) apart from what the page opens with', () => {
    const out = build({
      'page.html': page,
      'chunks/page.js': `import("./app.js");${noise(200, 6)}`,
      'chunks/shared.js': noise(300, 7),
      'chunks/app.js': `import"./shared.js";const f=()=>import("./form.js");${noise(400, 8)}`,
      'chunks/form.js': `import"./shared.js";import"./form-only.js";${noise(3000, 9)}`,
      'chunks/form-only.js': noise(1000, 10),
    });
    const [row] = measureSizes(out, { 'page.html': 10_000 });
    expect(row).toMatchObject({ files: 3, onDemand: { files: 2 } });
    expect(row!.scripts.sort()).toEqual(['chunks/app.js', 'chunks/page.js', 'chunks/shared.js']);
    expect(row!.gzip).toBeLessThan(2000);
    expect(row!.onDemand.gzip).toBeGreaterThan(row!.gzip);
  });

  it('counts the app module a first-paint script adds (data-app) as opened with the page', () => {
    const out = build({
      'page.html': '<script src="/first.js" data-app="/chunks/page.js" data-page="page"></script>',
      'first.js': noise(300, 11),
      'chunks/page.js': `import("./app.js");${noise(200, 12)}`,
      'chunks/app.js': noise(400, 13),
    });
    const [row] = measureSizes(out, { 'page.html': 10_000 });
    expect(row!.scripts.sort()).toEqual(['chunks/app.js', 'chunks/page.js', 'first.js']);
  });

  it('fails a page whose JavaScript is over its budget', () => {
    const out = build({
      'page.html': page,
      'chunks/page.js': `import("./app.js");`,
      'chunks/shared.js': '',
      'chunks/app.js': noise(8000, 5),
    });
    const [row] = measureSizes(out, { 'page.html': 2048 });
    expect(row!.gzip).toBeGreaterThan(2048);
    expect(row!.ok).toBe(false);
  });

  it('fails an entry missing from the build rather than passing it as empty', () => {
    const [row] = measureSizes(build({}), { 'background.js': 15_000 });
    expect(row).toMatchObject({ files: 0, ok: false });
  });
});
