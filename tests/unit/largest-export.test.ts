/**
 * "Every export imports back" (SPEC §8) at the largest size Closer can write. The bound, from
 * the interface's own limits and what an evening can realistically hold:
 *
 * - ten years of evenings, one a night: 3,653 dates;
 * - each evening with every field set, at its widest value (12 hours of screen time, the limit
 *   at 120, ten nudges, every nudge kind, the longest zone name);
 * - two check-ins a night (say, the popup and the ritual), each naming all five kinds with a
 *   note of 2,000 characters, the note field's `maxlength`;
 * - five reasons a night ("I need it for a moment", snoozes), each 200 characters, the cap
 *   `addReason` keeps;
 * - every character of every note and reason three bytes long in UTF-8 (Chinese, Japanese, …:
 *   the widest text a person types; Latin text is a third of it, accents and emoji less than
 *   two thirds);
 * - settings at their widest too: 500 saved prompts, a 40-character partner name.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildExport, serialiseExport } from '@/utils/data/export-file';
import { checkImport, MAX_IMPORT_BYTES } from '@/utils/data/import-file';
import { eraseAll, importData } from '@/utils/data/storage';
import { createPairCode } from '@/utils/settings/pair-code';
import { exportAll, importBytes } from '@/utils/data/transfer';
import type { EveningRecord } from '@/utils/evening/record';
import type { Settings } from '@/utils/settings/schema';
import {
  defaultSettings,
  INTIMACY_KINDS,
  MAX_SAVED_PROMPTS,
  NUDGE_KINDS,
  PARTNER_NAME_MAX,
} from '@/utils/settings/settings';
import { addDays } from '@/utils/time/schedule';

const NOW = Date.parse('2026-11-30T21:00:00.000Z');
const CLOCK = { now: NOW, zone: 'UTC' };
const TEN_YEARS = 3653;
/** Three bytes in UTF-8, one UTF-16 code unit: what `maxlength` counts. */
const WIDE = '愛';
const NOTE = WIDE.repeat(2000);
const REASON = WIDE.repeat(200);

function widestSettings(): Settings {
  return {
    ...defaultSettings(),
    weekStartsOn: 1,
    prompts: {
      favour: ['emotional', 'care'],
      hide: ['ritual'],
      keepLight: true,
      choice: 'saved',
      saved: Array.from({ length: MAX_SAVED_PROMPTS }, (_, i) => `conversation_${100 + i}`),
    },
    challenge: { mode: 'fixed', kind: 'intellectual' },
    partnerName: WIDE.repeat(PARTNER_NAME_MAX),
    pairCode: createPairCode((buffer) => buffer.fill(7)),
  };
}

function widestEvening(date: string): EveningRecord {
  const at = `${date}T21:40:00.000Z`;
  return {
    date,
    screenMinutes: 720,
    status: 'over',
    nudges: 10,
    checkIns: (['popup', 'ritual'] as const).map((source) => ({
      kinds: [...INTIMACY_KINDS],
      at,
      note: NOTE,
      source,
    })),
    screenSeconds: 720 * 60 + 59,
    zone: 'America/Argentina/ComodRivadavia',
    limitMinutes: 120,
    markedScreenFree: false,
    reasons: Array.from({ length: 5 }, (_, i) => ({
      at,
      source: i % 2 ? ('snooze' as const) : ('need-it' as const),
      text: REASON,
    })),
    promptOffset: 99,
    nudgeKindsSent: [...NUDGE_KINDS],
    lastNudgeAt: at,
    putDownAt: at,
    putDownScreenSeconds: 720 * 60 + 59,
  };
}

const bytes = (text: string) => new TextEncoder().encode(text);

// Built once: ten years of the widest evenings take seconds to write out.
let stored: EveningRecord[];
let first: string;
beforeAll(() => {
  stored = Array.from({ length: TEN_YEARS }, (_, i) => widestEvening(addDays('2026-11-30', -i)));
  first = serialiseExport(buildExport(widestSettings(), stored, NOW));
});

beforeEach(async () => {
  await eraseAll();
});

describe('the largest export Closer can write', { timeout: 180_000 }, () => {
  it('fits under the import limit, with room to spare', () => {
    const size = bytes(first).length;
    // 58.4 MB (docs/data-format.md); the limit is 64 MiB, 67.1 MB.
    expect(size).toBeGreaterThan(55_000_000);
    expect(size).toBeLessThanOrEqual(MAX_IMPORT_BYTES * 0.9);
  });

  it('imports back whole, and exports again byte for byte', () => {
    const result = checkImport(bytes(first), CLOCK);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.file.evenings).toHaveLength(TEN_YEARS);
    const { settings, evenings } = result.file;
    expect(serialiseExport(buildExport(settings, evenings, NOW))).toBe(first);
  });

  it('goes through storage: stored, exported, erased, imported, exported the same', async () => {
    await importData(widestSettings(), stored);
    expect((await exportAll(NOW, 'UTC')).text).toBe(first);
    await eraseAll();
    expect(await importBytes(bytes(first), CLOCK)).toEqual({ ok: true, evenings: TEN_YEARS });
    expect((await exportAll(NOW, 'UTC')).text).toBe(first);
  });
});
