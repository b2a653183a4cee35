import { describe, expect, it } from 'vitest';
import { PROMPTS } from '@/utils/prompts/library';
import { isShared, tonightsPrompt, type SelectionSettings } from '@/utils/prompts/selection';
import { coupleOrder, sharedPick } from '@/utils/prompts/shared-pick';
import { addDays } from '@/utils/time/schedule';
import { createPairCode } from '@/utils/settings/pair-code';

const code = createPairCode((buffer) => buffer.fill(7));
const other = createPairCode((buffer) => buffer.fill(123_456_789));
const base: SelectionSettings = {
  favour: [],
  hide: [],
  keepLight: false,
  choice: 'cycle',
  saved: [],
};
const dates = Array.from({ length: 60 }, (_, i) => addDays('2026-11-01', i));

describe('tonight’s prompt when paired (SPEC §13)', () => {
  it('is the couple’s pick, whatever each browser favours or hides', () => {
    const mine = { ...base, favour: ['emotional'], couple: coupleOrder(code) } as SelectionSettings;
    const theirs = { ...base, hide: ['physical'], couple: coupleOrder(code) } as SelectionSettings;
    for (const date of dates) {
      for (const promptOffset of [0, 1, 2, 5]) {
        const pick = { promptOffset };
        const id = tonightsPrompt(date, mine, pick).id;
        expect(tonightsPrompt(date, theirs, pick).id).toBe(id);
        expect(id).toBe(sharedPick(code, date, promptOffset, PROMPTS).id);
      }
    }
  });

  it('differs from the personal cycle and between codes', () => {
    const personal = dates.map((date) => tonightsPrompt(date, base).id);
    const paired = dates.map(
      (date) => tonightsPrompt(date, { ...base, couple: coupleOrder(code) }).id,
    );
    const otherCode = dates.map(
      (date) => tonightsPrompt(date, { ...base, couple: coupleOrder(other) }).id,
    );
    expect(paired.filter((id, i) => id === personal[i]).length).toBeLessThan(10);
    expect(paired.filter((id, i) => id === otherCode[i]).length).toBeLessThan(10);
  });

  it('leaves the tender prompts out with "Keep it light for now", and never repeats within 14 days', () => {
    const light = { ...base, keepLight: true, couple: coupleOrder(code) };
    const ids = dates.map((date) => tonightsPrompt(date, light).id);
    for (const id of ids) expect(PROMPTS.find((p) => p.id === id)!.tender).toBe(false);
    for (let i = 0; i + 14 <= ids.length; i++) expect(new Set(ids.slice(i, i + 14)).size).toBe(14);
  });

  it('is marked shared unless the evening was steered to a personal choice', () => {
    const paired = { ...base, couple: coupleOrder(code) };
    expect(isShared(paired, {})).toBe(true);
    expect(isShared(paired, { promptOffset: 3 })).toBe(true);
    expect(isShared(paired, { promptAsked: 'emotional_01' })).toBe(false);
    expect(isShared(paired, { promptLighterAt: 0 })).toBe(false);
    expect(isShared({ ...paired, choice: 'saved' }, {})).toBe(false);
    expect(isShared({ ...base, couple: coupleOrder('') }, {})).toBe(false);
    expect(isShared(base, {})).toBe(false);
  });
});
