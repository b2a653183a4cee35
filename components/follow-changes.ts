import { browser } from 'wxt/browser';
import { isChanged } from '@/utils/engine/messages';

/**
 * Re-runs `load` whenever stored data may have changed elsewhere: the worker's (or another
 * page's) `closer:changed` broadcast, the tab coming back into view, and, with `everyMs`, on a
 * timer (for figures that move with the clock). Loads once at the start; returns the function
 * that stops following, for `onMount` to hand back. Loads never overlap: news that arrives
 * during one (a page's broadcast and the worker's, say) runs one more after it, so the last
 * load always started after the last change and a slow, older read never lands last.
 */
export function followChanges(load: () => unknown, everyMs?: number): () => void {
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
  return () => {
    browser.runtime.onMessage.removeListener(onMessage);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}

/** A form control whose `value` shows a stored setting. */
type ValueControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Shows a stored value in a control without ever overwriting what the user is doing there
 * (SPEC §8): use it instead of `value={…}` on any control of stored data
 * (`use:storedValue={settings.limitMinutes}`). While the control has the focus, a value that
 * changed elsewhere waits and shows once the user leaves, unless they committed their own
 * change meanwhile (which, saved field by field, lands after it). Svelte's own `value`
 * binding would replace a half-typed number or time the moment another tab saved that field.
 */
export function storedValue(node: ValueControl, value: string | number) {
  let stored = String(value);
  let waiting = false;
  node.value = stored;
  const editing = () => node.ownerDocument.activeElement === node;
  const onChange = () => {
    waiting = false;
  };
  const onBlur = () => {
    if (waiting) node.value = stored;
    waiting = false;
  };
  node.addEventListener('change', onChange);
  node.addEventListener('blur', onBlur);
  return {
    update(next: string | number) {
      if (String(next) === stored) return;
      stored = String(next);
      waiting = false;
      if (node.value === stored) return;
      if (editing()) waiting = true;
      else node.value = stored;
    },
    destroy() {
      node.removeEventListener('change', onChange);
      node.removeEventListener('blur', onBlur);
    },
  };
}
