/** The browser APIs that WXT's fake browser lacks, as the worker's tests stand them in. */

/** An idle API whose user is in `state()` (active unless a test says otherwise). */
export function fakeIdle(state: () => string = () => 'active') {
  return {
    queryState: async () => state(),
    setDetectionInterval: () => undefined,
    onStateChanged: { addListener: () => undefined },
  };
}

/** An English i18n API whose message is its key, so a test reads which text was shown. */
export const keyI18n = () => ({ getMessage: (key: string) => key, getUILanguage: () => 'en' });

/**
 * A page's `localStorage`, in memory, as Firefox's background page has one (Chrome's worker has
 * none).
 */
export function fakeLocalStorage(entries: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(entries));
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}
