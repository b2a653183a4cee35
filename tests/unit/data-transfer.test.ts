import { beforeEach, describe, expect, it } from 'vitest';
import { exportAll, importBlob, importBytes, type ImportPhase } from '@/utils/data/transfer';
import { MAX_IMPORT_BYTES } from '@/utils/data/import-file';
import { defaultSettings } from '@/utils/settings/settings';
import { eraseAll, importData, readAllEvenings, readSettings } from '@/utils/data/storage';

const NOW = Date.parse('2026-11-24T21:04:05.000Z');
const evening = (date: string, screenMinutes: number) => ({
  date,
  screenMinutes,
  status: screenMinutes <= 15 ? ('distraction-free' as const) : ('over' as const),
  nudges: 1,
  checkIns: [{ kinds: ['emotional' as const], at: `${date}T21:40:00.000Z`, note: 'tea' }],
});
const CLOCK = { now: NOW, zone: 'UTC' };
const encode = (text: string) => new TextEncoder().encode(text);
const importText = (text: string) => importBytes(encode(text), CLOCK);
const withoutStamp = (text: string) => text.replace(/"exportedAt":"[^"]+"/, '');

beforeEach(async () => {
  await eraseAll();
});

describe('export → import → export', () => {
  it('gives the same file but for exportedAt, in a fresh store', async () => {
    await importData({ ...defaultSettings(), weeklyGoal: 5, weekStartsOn: 0 }, [
      evening('2026-11-22', 40),
      evening('2026-11-23', 7),
    ]);
    const first = await exportAll(NOW, 'UTC');
    expect(first.fileName).toBe('closer-export-2026-11-24.json');
    await eraseAll();
    expect(await importText(first.text)).toEqual({ ok: true, evenings: 2 });
    const second = await exportAll(NOW + 60_000, 'UTC');
    expect(withoutStamp(second.text)).toBe(withoutStamp(first.text));
  });
});

describe('a valid file', () => {
  it('merges by date (imported replaces) and replaces settings', async () => {
    await importData(defaultSettings(), [evening('2026-11-01', 3), evening('2026-11-02', 4)]);
    const file = await exportAll(NOW, 'UTC');
    const edited = JSON.parse(file.text);
    edited.settings.limitMinutes = 30;
    edited.evenings = [evening('2026-11-02', 50), evening('2026-11-03', 1)];
    const text = JSON.stringify(edited);
    expect(await importText(text)).toEqual({ ok: true, evenings: 2 });
    expect((await readSettings()).limitMinutes).toBe(30);
    expect((await readAllEvenings()).map((e) => [e.date, e.screenMinutes])).toEqual([
      ['2026-11-01', 3],
      ['2026-11-02', 50],
      ['2026-11-03', 1],
    ]);
  });
});

describe('a bad file', () => {
  it.each([
    ['not JSON', '{"app": "closer",', [{ code: 'not-json', path: [] }]],
    [
      'the wrong app',
      JSON.stringify({ app: 'other', schemaVersion: 1, settings: {}, evenings: [] }),
      [{ code: 'wrong-app', path: ['app'] }],
    ],
    [
      'an impossible date',
      'date',
      [
        { code: 'bad-date', path: ['evenings', 1, 'date'] },
        { code: 'bad-instant', path: ['evenings', 1, 'checkIns', 0, 'at'] },
      ],
    ],
  ])('(%s) changes nothing and says what is wrong', async (_label, text, problems) => {
    await importData({ ...defaultSettings(), weeklyGoal: 6 }, [evening('2026-11-01', 3)]);
    const before = await exportAll(NOW, 'UTC');
    let input = text;
    if (text === 'date') {
      const file = JSON.parse(before.text);
      file.settings.weeklyGoal = 2;
      file.evenings.push(evening('2026-02-30', 1));
      input = JSON.stringify(file);
    }
    const outcome = await importText(input);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.problems).toEqual(problems);
    expect((await exportAll(NOW, 'UTC')).text).toBe(before.text);
  });
});

describe('a picked file', () => {
  it('is imported like its text', async () => {
    await importData(defaultSettings(), [evening('2026-11-01', 3)]);
    const { text } = await exportAll(NOW, 'UTC');
    await eraseAll();
    expect(await importBlob(new Blob([text]), CLOCK)).toEqual({ ok: true, evenings: 1 });
    expect((await readAllEvenings()).map((e) => e.date)).toEqual(['2026-11-01']);
  });

  it('over the limit is refused by its size without being read, and keeps the problem code', async () => {
    const blob = new Blob(['x']);
    Object.defineProperty(blob, 'size', { value: MAX_IMPORT_BYTES + 1 });
    blob.arrayBuffer = () => Promise.reject(new Error('read a file that is too big'));
    const outcome = await importBlob(blob, CLOCK);
    expect(outcome.ok ? null : outcome.problems.map((p) => [p.path, p.code])).toEqual([
      [[], 'too-large'],
    ]);
  });

  it("refused keeps each problem's code and path, and where they point", async () => {
    const { text } = await exportAll(NOW, 'UTC');
    const file = JSON.parse(text);
    file.evenings = [{ ...evening('2026-11-01', 1), date: '2026-02-30' }];
    const outcome = await importBlob(new Blob([JSON.stringify(file)]), CLOCK);
    expect(outcome).toMatchObject({
      ok: false,
      problems: [{ path: ['evenings', 0, 'date'], code: 'bad-date' }],
      omitted: 0,
      context: { eveningDates: { 0: '2026-02-30' } },
    });
  });
});

describe('phases', () => {
  it('a valid file is checked, then saved', async () => {
    const { text } = await exportAll(NOW, 'UTC');
    const phases: ImportPhase[] = [];
    await importBytes(encode(text), CLOCK, (phase) => phases.push(phase));
    expect(phases).toEqual(['checking', 'saving']);
  });

  it('a refused file is only checked', async () => {
    const phases: ImportPhase[] = [];
    await importBytes(encode('{'), CLOCK, (phase) => phases.push(phase));
    expect(phases).toEqual(['checking']);
  });
});
