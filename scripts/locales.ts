/**
 * Build-time locale assembly. Strings live in small files per surface
 * (`locales/<lang>/<surface>.json`, Chrome `messages.json` format) so that work on one
 * surface never edits another's file; the build merges them into `_locales/<lang>/messages.json`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ChromeMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, ChromeMessage>;

// Commands run from the project root (npm scripts, WXT, Vitest).
export const LOCALES_DIR = join(process.cwd(), 'locales');

/** Languages present under `locales/`. */
export function localeLanguages(dir = LOCALES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Merges one language's fragments; a key defined twice is a build error, not a silent overwrite. */
export function mergeLocale(lang: string, dir = LOCALES_DIR): Messages {
  const merged: Messages = {};
  const origin: Record<string, string> = {};
  const files = readdirSync(join(dir, lang))
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    const fragment = JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as Messages;
    for (const [key, value] of Object.entries(fragment)) {
      if (!/^[A-Za-z0-9_@]+$/.test(key)) {
        throw new Error(`locales/${lang}/${file}: "${key}" is not a valid message name`);
      }
      if (key in merged) {
        throw new Error(`locales/${lang}: "${key}" is defined in both ${origin[key]} and ${file}`);
      }
      merged[key] = value;
      origin[key] = file;
    }
  }
  return merged;
}
