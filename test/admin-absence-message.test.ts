// The config page caps an absence message (the banner must stay small on a phone) and counts it,
// without cutting what the merchant pasted (the text stays, an error says how long it may be),
// in Debian's Chromium over the built page (`npm run build` first, as `npm test` does).
import { describe, expect, it } from 'vitest';
import { ABSENCE_MESSAGE_MAX } from '@comptoir/sdk/schemas';
import { useAdminTestBed } from './support/admin-test-bed.js';

const bed = useAdminTestBed('absence');

describe('the absence message field', () => {
  for (const width of [1280, 390]) {
    it(`counts the characters and refuses more than ${ABSENCE_MESSAGE_MAX}, at ${width} px`, async () => {
      const page = await (
        await bed.browser.newContext({ viewport: { width, height: 900 } })
      ).newPage();
      await page.goto(`${bed.server.url.replace('127.0.0.1', 'localhost')}/admin/#/absences`);
      await page.getByLabel('Secret key').fill(bed.secretKey);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('.section-body[data-section="absences"]').waitFor();
      await page.getByRole('button', { name: 'Plan an absence' }).click();
      // The Remove button's hidden name says the dates as the card's heading does, not 2027-01-05.
      const dates = page.locator('.section-body[data-section="absences"] input[type=date]');
      await dates.nth(0).fill('2027-01-05');
      await dates.nth(1).fill('2027-01-15');
      const remove = page.locator('.section-body[data-section="absences"] .danger-link').first();
      await expect.poll(() => remove.textContent()).toMatch(/2027/);
      const heading = page.locator('.section-body[data-section="absences"] .card h2').first();
      expect(await remove.textContent()).toContain((await heading.textContent())!.trim());
      expect(await remove.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      const message = page.locator('.section-body[data-section="absences"] textarea').first();
      const counterId = `${await message.getAttribute('id')}-count`;
      expect((await message.getAttribute('aria-describedby'))?.split(' ')).toContain(counterId);
      await expect
        .poll(() => page.locator(`#${counterId}`).textContent())
        .toContain(`0 / ${ABSENCE_MESSAGE_MAX}`);
      await message.fill('We are closed. '.repeat(400)); // 6,000 characters pasted
      expect((await message.inputValue()).length).toBe(6000);
      await expect
        .poll(() => page.locator(`#${counterId}`).textContent())
        .toContain(`6000 / ${ABSENCE_MESSAGE_MAX}`);
      // Said at the field as it is typed, and saving is refused until it is shorter.
      const error = page.locator('.section-body[data-section="absences"] .field-error').first();
      await expect.poll(() => error.textContent()).toContain(`${ABSENCE_MESSAGE_MAX} characters`);
      expect((await message.getAttribute('aria-describedby'))?.split(' ')).toContain(
        await error.getAttribute('id'),
      );
      expect(await message.getAttribute('aria-invalid')).toBe('true');
      await message.fill('We are closed. '.repeat(20));
      await expect.poll(() => message.getAttribute('aria-invalid')).toBe('false');
      await page.context().close();
    });
  }
});
