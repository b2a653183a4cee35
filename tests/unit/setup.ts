import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Node 20 has no Temporal; the browsers we ship to do (Chrome ≥ 144, Firefox ≥ 139).
if (!('Temporal' in globalThis)) {
  const { Temporal } = await import('temporal-polyfill');
  Object.assign(globalThis, { Temporal });
}

beforeEach(() => {
  fakeBrowser.reset();
});
