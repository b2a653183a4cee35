/**
 * First run (SPEC §13): the welcome page opens when Closer is installed, once per profile.
 * Chromium reports `install` again each time an unpacked build is loaded from the command line,
 * so the first report is remembered in storage; an update is remembered too (an older Closer
 * had no welcome page), so a later spurious `install` never opens it for a user who updated.
 */
import { browser } from 'wxt/browser';
import { mutate } from '@/utils/data/storage';

/** The reasons `runtime.onInstalled` gives that concern us. */
export type InstallReason = 'install' | 'update' | string;

/**
 * Remembers the first install or update seen; on the first one, if it is an install, opens the
 * welcome page. Returns whether it opened it.
 */
export async function welcomeOnFirstInstall(reason: InstallReason, now: number): Promise<boolean> {
  if (reason !== 'install' && reason !== 'update') return false;
  const first = await mutate(['welcome-shown'], (tx) => {
    if (tx.get('welcome-shown') !== undefined) return false;
    tx.put('welcome-shown', new Date(now).toISOString());
    return true;
  });
  if (!first || reason !== 'install') return false;
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  return true;
}
