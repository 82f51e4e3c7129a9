// Accessibility in CI: axe-core over every page and open dialog of the customer app, in each
// locale, inside the example storefront shell (which is itself checked): the list, an answered
// detail with its photo lightbox, a received detail with its delete confirm, the form with its
// goods picker, and the edit form.

import { test } from 'node:test';

import { BASE, assertAxeClean, memberInquiries, newPage, useBrowser } from './lib.mjs';

const browser = useBrowser();

for (const tag of ['ko', 'en', 'zh-TW']) {
  test(`axe finds nothing on any page or dialog of the app in the shell (${tag})`, async () => {
    const answered = (await memberInquiries('30')).find((i) => i.atchFileCnt > 0);
    const received = (await memberInquiries('10'))[0];
    const page = await newPage(browser());
    const app = `${BASE}/shell/${tag}/mypage/inquiry`;

    await page.goto(app);
    await page.locator('[data-page="list"] .idk-row').first().waitFor();
    await assertAxeClean(page, `${tag}: the list`);

    await page.goto(`${app}/${answered.ccnNo}`);
    await page.locator('[data-page="detail"] .idk-reply').first().waitFor();
    await assertAxeClean(page, `${tag}: an answered detail`);
    const thumb = page.locator('.idk-thumbs button').first();
    await thumb.waitFor();
    await thumb.click();
    await page.getByRole('dialog').waitFor();
    await assertAxeClean(page, `${tag}: the photo lightbox`);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.goto(`${app}/${received.ccnNo}`);
    await page.locator('[data-page="detail"]').waitFor();
    await page.locator('.idk-actions .idk-button-danger').click();
    await page.getByRole('dialog').waitFor();
    await assertAxeClean(page, `${tag}: the delete confirm`);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.goto(`${app}/new`);
    await page.locator('[data-page="new"]').waitFor();
    await assertAxeClean(page, `${tag}: the form`);
    await page.locator('#idk-f-goods').click();
    const picker = page.getByRole('dialog');
    await picker.waitFor();
    await picker.locator('[role="option"], .idk-pick, li').first().waitFor();
    await assertAxeClean(page, `${tag}: the goods picker`);
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'hidden' });

    await page.goto(`${app}/${received.ccnNo}/edit`);
    await page.locator('[data-page="edit"]').waitFor();
    await assertAxeClean(page, `${tag}: the edit form`);
  });
}
