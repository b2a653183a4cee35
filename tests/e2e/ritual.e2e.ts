/**
 * The ritual page after the user review: one check-in per ritual, a check-in heading that does
 * not repeat the form, an appreciation asked of one person about the other, focus on each new
 * step's heading, and the Spanish end screen.
 */
import type { Locator, Page } from '@playwright/test';
import { eveningZone, expect, test, type Extension, describeIn } from './fixtures';

type RitualCheckIn = { kinds: string[]; source: string };

async function ritualCheckIns(extension: Extension): Promise<RitualCheckIn[]> {
  const date = await extension.localDate();
  const record = await extension.getData<{ checkIns: RitualCheckIn[] }>(`evening:${date}`);
  return (record?.checkIns ?? []).filter((c) => c.source === 'ritual');
}

/** The step's heading has keyboard focus (the page moves it there on every step change). */
async function expectHeadingFocused(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
}

/** Presses the always-in-the-same-place forward button with the keyboard. */
async function forward(page: Page, next: Locator) {
  const ritual = page.getByTestId('ritual');
  const index = Number(await ritual.getAttribute('data-index'));
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(ritual).toHaveAttribute('data-index', String(index + 1));
  await expectHeadingFocused(page);
}

/** Starts the ritual with the given names (first person, partner) and walks to the check-in. */
async function toCheckIn(page: Page, names: [string, string]) {
  if (names[0]) await page.getByLabel('Your name (optional)').fill(names[0]);
  if (names[1]) await page.getByLabel("Your partner's name (optional)").fill(names[1]);
  const next = page.getByRole('navigation').getByRole('button').last();
  const ritual = page.getByTestId('ritual');
  await forward(page, next);
  for (let turn = 0; turn < 6; turn += 1) await forward(page, next);
  await expect(ritual).toHaveAttribute('data-step', 'checkin');
  return next;
}

describeIn(eveningZone(), 'ritual', () => {
  test('saves the check-in once: Back shows it saved, forward again writes nothing new', async ({
    extension,
  }) => {
    const page = await extension.open('ritual.html');
    const next = await toCheckIn(page, ['Ana', 'Sam']);
    const ritual = page.getByTestId('ritual');
    await page.getByLabel('Emotional').check();
    await page.getByLabel('Physical').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(ritual).toHaveAttribute('data-step', 'end');
    await expectHeadingFocused(page);
    await expect(page.getByText("Tonight's check-in is saved.")).toBeVisible();
    await expect.poll(() => ritualCheckIns(extension)).toHaveLength(1);

    // Back to the check-in step with the keyboard: it shows what was saved, read-only.
    await page.getByRole('button', { name: 'Back' }).focus();
    await page.keyboard.press('Enter');
    await expect(ritual).toHaveAttribute('data-step', 'checkin');
    await expectHeadingFocused(page);
    const saved = page.getByTestId('ritual-checkin-saved');
    await expect(saved).toContainText("Saved. Here's what you noted:");
    await expect(saved.getByRole('listitem')).toHaveText(['Emotional', 'Physical']);
    await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Skip' })).toHaveCount(0);

    // From the heading, Tab reaches Back and then Next; Enter goes on to the end again.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Back' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(next).toBeFocused();
    await expect(next).toHaveText('Next');
    await page.keyboard.press('Enter');
    await expect(ritual).toHaveAttribute('data-step', 'end');
    await expectHeadingFocused(page);
    await expect(page.getByText("Tonight's check-in is saved.")).toBeVisible();

    const checkIns = await ritualCheckIns(extension);
    expect(checkIns).toEqual([
      expect.objectContaining({ kinds: ['emotional', 'physical'], source: 'ritual' }),
    ]);
  });

  test('a skipped check-in saves nothing and the end screen does not claim it did', async ({
    extension,
  }) => {
    const page = await extension.open('ritual.html');
    await toCheckIn(page, ['', '']);
    await page.getByRole('button', { name: 'Skip' }).click();
    await expect(page.getByTestId('ritual')).toHaveAttribute('data-step', 'end');
    await expectHeadingFocused(page);
    await expect(page.getByText("Tonight's check-in is saved.")).toHaveCount(0);
    expect(await ritualCheckIns(extension)).toEqual([]);
    // Going back still offers the form: nothing was saved.
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByRole('button', { name: 'Save' })).toBeVisible();
  });

  test('the check-in heading does not repeat the form’s question', async ({ extension }) => {
    const page = await extension.open('ritual.html');
    await toCheckIn(page, ['', '']);
    const heading = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    const legend = (await page.locator('legend').first().innerText()).trim();
    expect(legend).toBe('How did you connect tonight?');
    expect(heading.toLowerCase()).not.toContain(legend.toLowerCase().replace(/\?$/, ''));
    expect(heading).toBe('Before you go, make a note of tonight');
  });

  test('each appreciation asks one person about the other, by name', async ({ extension }) => {
    const page = await extension.open('ritual.html');
    await page.getByLabel('Your name (optional)').fill('Ana');
    await page.getByLabel("Your partner's name (optional)").fill('Sam');
    const next = page.getByRole('navigation').getByRole('button').last();
    await forward(page, next);
    for (let turn = 0; turn < 4; turn += 1) await forward(page, next);
    await expect(page.getByText("Ana's turn")).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      "What's one thing you appreciated about Sam today?",
    );
    await forward(page, next);
    await expect(page.getByText("Sam's turn")).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      "What's one thing you appreciated about Ana today?",
    );
  });

  test('without names the turns and the appreciation still read naturally', async ({
    extension,
  }) => {
    const page = await extension.open('ritual.html');
    const next = page.getByRole('navigation').getByRole('button').last();
    await forward(page, next);
    await expect(page.getByText('Your turn', { exact: true })).toBeVisible();
    for (let turn = 0; turn < 4; turn += 1) await forward(page, next);
    await expect(page.getByText('Your turn', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      "What's one thing you appreciated about your partner today?",
    );
    await forward(page, next);
    await expect(page.getByText("Your partner's turn")).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      "What's one thing you appreciated about the person beside you today?",
    );
  });
});

test.describe('ritual in Spanish, after the review', () => {
  test.use({ timeZone: eveningZone(), lang: 'es' });

  test('asks about the other person by name and ends in neutral Spanish, to each of you', async ({
    extension,
  }) => {
    const page = await extension.open('ritual.html');
    await page.getByLabel('Tu nombre (opcional)').fill('Ana');
    await page.getByLabel('El nombre de tu pareja (opcional)').fill('Sam');
    const next = page.getByRole('navigation').getByRole('button').last();
    const appreciations: string[] = [];
    for (let step = 0; step < 7; step += 1) {
      if (step >= 5) appreciations.push(await page.getByRole('heading', { level: 1 }).innerText());
      await forward(page, next);
    }
    expect(appreciations).toEqual(['¿Qué valoraste hoy de Sam?', '¿Qué valoraste hoy de Ana?']);
    await expect(page.getByTestId('ritual')).toHaveAttribute('data-step', 'checkin');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(
      '¿Cómo habéis conectado esta noche?',
    );
    await page.getByLabel('Emocional').check();
    await page.getByRole('button', { name: 'Guardar' }).click();
    await expect(page.getByTestId('ritual')).toHaveAttribute('data-step', 'end');
    // Neutral Spanish (tú, "tu pareja"): no vosotros, no Spain-only words.
    await expect(page.getByText('El registro de esta noche ya está guardado.')).toBeVisible();
    await expect(
      page.getByText('Cierra la pantalla. El resto de la noche es para ti y tu pareja.'),
    ).toBeVisible();
  });
});
