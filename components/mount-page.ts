import { mount, type Component } from 'svelte';
import { t, uiLocale } from '../utils/i18n';
import './theme.css';

/** Mounts a page's root component in `#app`, replacing the static shell, in the UI language. */
export function mountPage(App: Component, titleKey: string): void {
  document.documentElement.lang = uiLocale();
  document.title = t(titleKey);
  const target = document.getElementById('app')!;
  target.replaceChildren();
  mount(App, { target });
}
