/**
 * The pages' shared shell (scripts/page-shell.ts): each entrypoint's index.html says only what is
 * its own, and the built document still has everything the first frame depends on.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deferApp, dropEmptyPluginStart, pageShell } from '../../scripts/page-shell';

const entrypoints = join(process.cwd(), 'entrypoints');
const pages = readdirSync(entrypoints, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'background')
  .map((entry) => entry.name);

/** The built document's head and body, split where the head ends. */
function shellOf(page: string) {
  const html = pageShell(readFileSync(join(entrypoints, page, 'index.html'), 'utf8'));
  const [head = '', body = ''] = html.split('</head>');
  return { html, head, body };
}

describe('page shell', () => {
  it('covers every page that has an index.html', () => {
    expect(pages.sort()).toEqual(['evenings', 'newtab', 'options', 'popup', 'ritual', 'welcome']);
  });

  for (const page of pages) {
    it(`${page}: one document with the shared head, #app and the page's own module`, () => {
      const { html, head, body } = shellOf(page);
      expect(html.match(/<!doctype html>/gi)).toHaveLength(1);
      expect(html.match(/<html lang="en">/g)).toHaveLength(1);
      expect(head).toContain('<meta charset="utf-8" />');
      expect(head).toContain('content="light dark"');
      // Both schemes' background in the first frame, in theme.css's colours.
      const theme = readFileSync(join(process.cwd(), 'components/theme.css'), 'utf8');
      for (const colour of ['#fbf7f2', '#1c1815'])
        expect(theme.includes(colour) && head.includes(`background:${colour}`)).toBe(true);
      expect(body.match(/<div id="app">/g)).toHaveLength(1);
      expect(body).toContain('<script type="module" src="./main.ts"></script>');
      // What belongs in a head never lands in the body.
      expect(body).not.toMatch(/<(meta|style|link)\b/);
    });
  }

  for (const page of ['newtab', 'popup']) {
    it(`${page}: a faint name in the first frame, until snapshot.js or the app replaces it`, () => {
      const { head, body } = shellOf(page);
      // Nothing holds the first frame back: the name paints as soon as a bare page would.
      expect(head).not.toContain('blocking="render"');
      expect(head).toContain('[data-pending]{visibility:hidden}');
      expect(body).toContain('<p class="shell" aria-hidden="true">Closer</p>');
      expect(body).toContain(`<script src="/snapshot.js" data-page="${page}"></script>`);
      expect(body.indexOf('id="app"')).toBeLessThan(body.indexOf('/snapshot.js'));
    });
  }

  for (const page of ['evenings', 'options', 'ritual', 'welcome']) {
    it(`${page}: no render-blocking marker and no shell text`, () => {
      const { html } = shellOf(page);
      expect(html).not.toContain('blocking="render"');
      expect(html).not.toContain('snapshot');
      expect(html).not.toContain('class="shell"');
    });
  }

  describe('in a build, the app behind the first paint', () => {
    const built = (page: string) =>
      pageShell(readFileSync(join(entrypoints, page, 'index.html'), 'utf8'))
        .replace('<script type="module" src="./main.ts"></script>', '')
        .replace(
          '</head>',
          `<script type="module" crossorigin src="/chunks/${page}-a1.js"></script>\n` +
            '<link rel="modulepreload" crossorigin href="/chunks/focus-b2.js">\n</head>',
        );

    for (const page of ['newtab', 'popup']) {
      it(`${page}: snapshot.js names the module it adds; nothing else is fetched beside it`, () => {
        const html = deferApp(built(page));
        expect(html).toContain(
          `<script src="/snapshot.js" data-app="/chunks/${page}-a1.js" data-page="${page}"></script>`,
        );
        expect(html).not.toContain('type="module"');
        expect(html).not.toContain('modulepreload');
      });
    }

    it('leaves a page without a first-paint script as Vite built it', () => {
      const html = built('options');
      expect(deferApp(html)).toBe(html);
      expect(html).toContain('<script type="module" crossorigin src="/chunks/options-a1.js">');
    });
  });

  describe("WXT's start of its runtime plugins", () => {
    const start = (body: string, name = 'n') =>
      `try{${body}}catch(${name}){console.error("[wxt] Failed to initialize plugins",${name})}`;

    it('goes when it starts none: an empty try never throws', () => {
      expect(dropEmptyPluginStart(`${start('')}const h=1;export{h};`)).toBe('const h=1;export{h};');
      expect(dropEmptyPluginStart(`a();${start('', 'e')}b();`)).toBe('a();b();');
    });

    it('stays when it starts a plugin', () => {
      const code = `${start('p()')}const h=1;`;
      expect(dropEmptyPluginStart(code)).toBe(code);
    });
  });

  it("keeps a page's own head parts in the head: the options page's manifest key, the popup's size", () => {
    expect(shellOf('options').head).toContain(
      '<meta name="manifest.open_in_tab" content="true" />',
    );
    expect(shellOf('popup').head).toMatch(/<style>\s*body \{\s*width: 360px;/);
  });
});
