import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { eraseAll, read } from '@/utils/data/storage';
import { welcomeOnFirstInstall } from '@/utils/engine/first-run';
import { registerWorker } from '@/utils/engine/worker';
import { fakeIdle, keyI18n } from './fake-apis';

const NOW = Date.UTC(2026, 10, 24, 12);

async function welcomeTabs(): Promise<number> {
  const tabs = await fakeBrowser.tabs.query({});
  return tabs.filter((tab) => tab.url?.endsWith('/welcome.html')).length;
}

beforeEach(async () => {
  await eraseAll();
});

describe('the welcome page on first run', () => {
  it('opens on install, once per profile however often install is reported', async () => {
    expect(await welcomeOnFirstInstall('install', NOW)).toBe(true);
    expect(await welcomeTabs()).toBe(1);
    expect(await read('welcome-shown')).toBe(new Date(NOW).toISOString());
    // Chromium reports `install` again each time an unpacked build is loaded.
    expect(await welcomeOnFirstInstall('install', NOW + 60_000)).toBe(false);
    expect(await welcomeTabs()).toBe(1);
    expect(await read('welcome-shown')).toBe(new Date(NOW).toISOString());
  });

  it('does not open on an update, and not on a later install report after it', async () => {
    expect(await welcomeOnFirstInstall('update', NOW)).toBe(false);
    expect(await read('welcome-shown')).toBe(new Date(NOW).toISOString());
    expect(await welcomeOnFirstInstall('install', NOW)).toBe(false);
    expect(await welcomeTabs()).toBe(0);
  });

  it('ignores a browser update and a shared module update', async () => {
    for (const reason of ['chrome_update', 'browser_update', 'shared_module_update']) {
      expect(await welcomeOnFirstInstall(reason, NOW)).toBe(false);
    }
    expect(await read('welcome-shown')).toBeUndefined();
    expect(await welcomeOnFirstInstall('install', NOW)).toBe(true);
  });

  it('opens only one page when install is reported twice at once', async () => {
    const both = await Promise.all([
      welcomeOnFirstInstall('install', NOW),
      welcomeOnFirstInstall('install', NOW),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await welcomeTabs()).toBe(1);
  });

  it('is what the worker does on runtime.onInstalled', async () => {
    Object.assign(fakeBrowser, {
      idle: fakeIdle(),
      i18n: keyI18n(),
    });
    registerWorker();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(await welcomeTabs()).toBe(1);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    expect(await welcomeTabs()).toBe(1);
  });
});
