import { browser } from 'wxt/browser';
import { afterEachWrite } from '@/utils/data/storage';
import { isChanged } from '@/utils/engine/messages';

/**
 * Re-runs `load` whenever stored data may have changed elsewhere: the worker's (or another
 * page's) `closer:changed` broadcast, the tab coming back into view, and, with `everyMs`, on a
 * timer (for figures that move with the clock). With `afterOwnWrites`, also after this page's
 * own writes and the worker's at its request (a page whose snapshot must then be rendered
 * again, `tonight-page.ts`). Loads once at the start; returns the function
 * that stops following, for `onMount` to hand back. Loads never overlap: news that arrives
 * during one (a page's broadcast and the worker's, say) runs one more after it, so the last
 * load always started after the last change and a slow, older read never lands last.
 */
export function followChanges(
  load: () => unknown,
  everyMs?: number,
  afterOwnWrites = false,
): () => void {
  let loading = false;
  let again = false;
  const reload = () => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    // A load reports its own failures (pages show them); this only keeps the chain going.
    void Promise.resolve()
      .then(load)
      .finally(() => {
        loading = false;
        if (again) {
          again = false;
          reload();
        }
      });
  };
  reload();
  const onMessage = (message: unknown) => {
    if (isChanged(message)) reload();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') reload();
  };
  browser.runtime.onMessage.addListener(onMessage);
  document.addEventListener('visibilitychange', onVisible);
  const timer = everyMs === undefined ? undefined : setInterval(reload, everyMs);
  const stopWrites = afterOwnWrites ? afterEachWrite(reload) : undefined;
  return () => {
    stopWrites?.();
    browser.runtime.onMessage.removeListener(onMessage);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}
