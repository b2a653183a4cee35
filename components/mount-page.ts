import { mount, type Component } from 'svelte';
import { afterEachWrite } from '@/utils/data/storage';
import { forgetSnapshots } from '@/utils/data/page-snapshots';
import { t, uiLocale } from '@/utils/views/i18n';
import './theme.css';

/**
 * Sets the page's language and title and returns its `#app`. Whatever the page writes to
 * storage may change what the new tab and the popup showed last, so each write forgets their
 * snapshots (`page-snapshots.ts`).
 */
export function startPage(titleKey: string): HTMLElement {
  document.documentElement.lang = uiLocale();
  document.title = t(titleKey);
  afterEachWrite(forgetSnapshots);
  return document.getElementById('app')!;
}

/**
 * Mounts a page's root component in `#app`, in the UI language. The static shell of index.html
 * stays until the page has content of its own (theme.css hides it then), so the first frame is
 * painted while the page still reads storage.
 */
export function mountPage(App: Component, titleKey: string): void {
  const target = startPage(titleKey);
  mount(App, { target, anchor: target.querySelector('.shell') ?? undefined });
}
