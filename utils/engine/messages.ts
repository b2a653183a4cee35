/**
 * The protocol between pages and the worker: one name → request and response types. Pages
 * read storage directly; they message the worker only for what the worker must do itself
 * (badge, notifications, alarms). Whoever writes storage, the worker or a page, broadcasts
 * `changed` afterwards, so every open page re-reads (SPEC §8).
 */
import { browser } from 'wxt/browser';
import { wroteForThisPage } from '@/utils/data/storage';

export interface Protocol {
  /** Count screen time and refresh badge and alarms now (e.g. after a settings change). */
  observe: { request: Record<string, never>; response: { ok: true } };
  /** "Putting it down": silence nudges until the user has been active again for a while. */
  'put-down': { request: Record<string, never>; response: { ok: true } };
  /** Snooze nudges for some minutes, or for the rest of tonight (`minutes: null`). */
  snooze: { request: { minutes: 15 | 30 | 60 | null; reason: string }; response: { ok: true } };
  /**
   * Star or unstar a prompt (`prompts.saved`). The worker makes the settings edit so that the
   * popup and new tab need not load the settings schema (their script budgets are tight).
   */
  'save-prompt': { request: { id: string; saved: boolean }; response: { ok: boolean } };
  /**
   * "Something lighter" for the evening of `date`. The worker writes it so that the popup and
   * new tab need not carry the evening's write (the new tab's script budget is full).
   */
  lighter: { request: { date: string }; response: { ok: true } };
}

export type MessageName = keyof Protocol;

/** A message of one name, with that name's request. */
export interface MessageOf<N extends MessageName> {
  name: N;
  request: Protocol[N]['request'];
}
export type Message = { [N in MessageName]: MessageOf<N> }[MessageName];

/** The broadcast after any write, by the worker or a page: stored data changed, re-read it. */
export const CHANGED = 'closer:changed';

/**
 * The worker's answer: the handler's value, or what went wrong. The browser's own `onMessage`
 * answers through `sendResponse`, which cannot reject, so a failure travels as `{ error }`.
 */
export type Reply<T> = { value: T } | { error: string };

/**
 * Sends a typed message to the worker; rejects with the worker's error when its handler failed.
 * Every message but `observe` stores something the pages show (a failed handler may have stored
 * part of it), so the page's write listeners then run as for its own writes: they forget the
 * pages' snapshots, which Chrome's service worker cannot reach (it has no `localStorage`). What
 * `observe` writes (minutes, evenings it settles) is what a snapshot already allows for.
 */
export async function send<N extends MessageName>(
  name: N,
  request: Protocol[N]['request'],
): Promise<Protocol[N]['response']> {
  const reply = (await browser.runtime.sendMessage({ name, request })) as
    Reply<Protocol[N]['response']> | undefined;
  if (name !== 'observe') wroteForThisPage();
  if (!reply) throw new Error(`The background worker did not answer "${name}".`);
  if ('error' in reply) throw new Error(reply.error);
  return reply.value;
}

/**
 * Tells the other open pages (a runtime message never reaches its own sender) that stored data
 * changed; fine when none is open to hear it.
 */
export async function broadcastChanged(): Promise<void> {
  try {
    await browser.runtime.sendMessage({ name: CHANGED });
  } catch {
    // "Receiving end does not exist": no page is open. Nothing to tell.
  }
}

/** True when a runtime message is the change broadcast. */
export function isChanged(message: unknown): boolean {
  return (message as { name?: unknown } | null)?.name === CHANGED;
}

export type Handlers = {
  [N in MessageName]: (request: Protocol[N]['request']) => Promise<Protocol[N]['response']>;
};

/** Runs the handler a message names, with that message's request. */
export function dispatch<N extends MessageName>(
  handlers: Handlers,
  message: MessageOf<N>,
): Promise<Protocol[N]['response']> {
  const handler: Handlers[N] = handlers[message.name];
  return handler(message.request);
}

/**
 * The worker's `onMessage` listener for the browser's own API (no polyfill): a protocol message
 * is answered through `sendResponse` and the listener returns true, which keeps the channel open
 * in Chrome and Firefox alike; anything else is left for other listeners.
 */
export function answerMessages(handlers: Handlers) {
  return (raw: unknown, _sender: unknown, sendResponse: (reply: Reply<unknown>) => void) => {
    const message = asMessage(raw, handlers);
    if (!message) return undefined;
    dispatch(handlers, message).then(
      (value) => sendResponse({ value }),
      (error: unknown) =>
        sendResponse({ error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
}

/** Narrows an unknown runtime message to one of the protocol's messages. */
export function asMessage(raw: unknown, handlers: Handlers): Message | null {
  const name = (raw as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name in handlers ? (raw as Message) : null;
}
