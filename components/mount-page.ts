import { mount, type Component } from 'svelte';
import { t, uiLocale } from '@/utils/views/i18n';
import './theme.css';

/**
 * Mounts a page's root component in `#app`, in the UI language. The static shell of index.html
 * stays until the page has content of its own (theme.css hides it then), so the first frame is
 * painted while the page still reads storage.
 */
export function mountPage(App: Component, titleKey: string): void {
  document.documentElement.lang = uiLocale();
  document.title = t(titleKey);
  const target = document.getElementById('app')!;
  mount(App, { target, anchor: target.querySelector('.shell') ?? undefined });
}
