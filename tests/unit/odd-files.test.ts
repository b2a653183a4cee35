/**
 * The accepted-but-odd export files of the every-page render check (tests/e2e/odd-files.ts) are
 * what they claim to be: files the importer accepts, whose every evening the pages' views can
 * build. The e2e test then renders them in Chromium; this catches a file that stopped being
 * valid (say, after a new plausibility rule) before a browser starts.
 */
import { describe, expect, it } from 'vitest';
import { checkImport } from '@/utils/data/import-file';
import { tonightsPrompt } from '@/utils/prompts/selection';
import { buildHistoryView } from '@/utils/views/history-view';
import { buildTonightView } from '@/utils/views/tonight-view';
import { LONG_LINK, LONG_NAME, ODD_FILES } from '../e2e/odd-files';

const now = Date.parse('2026-11-24T21:30:00.000Z');
const today = '2026-11-24';

describe('the odd files of the render check', () => {
  it('hold what their names promise', () => {
    expect(LONG_LINK).toHaveLength(200);
    expect(LONG_LINK).not.toMatch(/\s/);
    expect(LONG_NAME).toHaveLength(40);
    expect(LONG_NAME).not.toMatch(/\s/);
    expect(new Set(ODD_FILES.map((f) => f.name)).size).toBe(ODD_FILES.length);
  });

  it.each(ODD_FILES.map((file) => [file.name, file] as const))(
    '“%s” is accepted, and the popup and history views build from it',
    (_, file) => {
      const text = JSON.stringify(file.build(today), null, 2);
      const result = checkImport(new TextEncoder().encode(text), { now, zone: 'UTC' });
      if (!result.ok) expect.fail(JSON.stringify(result.problems));
      const { settings, evenings } = result.file;
      const week = buildTonightView(settings, evenings, now, 'UTC', 1);
      expect(week.week.days).toHaveLength(7);
      const prompt = tonightsPrompt(week.promptDate, settings.prompts, week.promptRecord ?? {});
      expect(prompt.id).toMatch(/_\d+$/);
      const history = buildHistoryView(evenings, today, 1, settings.weeklyGoal, now, 'UTC');
      expect(history.weeks).toHaveLength(26);
    },
  );
});
