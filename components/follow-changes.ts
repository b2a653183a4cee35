import { browser } from 'wxt/browser';
import { isChanged } from '@/utils/engine/messages';

/**
 * Re-runs `load` whenever stored data may have changed elsewhere: the worker's (or another
 * page's) `closer:changed` broadcast, the tab coming back into view, and, with `everyMs`, on a
 * timer (for figures that move with the clock). Loads once at the start; returns the function
 * that stops following, for `onMount` to hand back.
 */
export function followChanges(load: () => unknown, everyMs?: number): () => void {
  void load();
  const onMessage = (message: unknown) => {
    if (isChanged(message)) void load();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') void load();
  };
  browser.runtime.onMessage.addListener(onMessage);
  document.addEventListener('visibilitychange', onVisible);
  const timer = everyMs === undefined ? undefined : setInterval(() => void load(), everyMs);
  return () => {
    browser.runtime.onMessage.removeListener(onMessage);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}
