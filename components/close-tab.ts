import { browser } from 'wxt/browser';

/** Closes the tab this page is in (a page may not `window.close()` a tab the user opened). */
export async function closeThisTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  else window.close();
}
