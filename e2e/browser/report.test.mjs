// The desk report in the console (managers): the period's figures by type as a chart and a
// table whose total is the server's, the other cuts (counselor, day), the CSV of the same rows,
// the answer targets per type, axe on each view; a counselor has no report in the menu and is
// told it is a manager's page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import {
  BASE,
  COUNSELOR,
  MANAGER,
  api,
  assertAxeClean,
  newPage,
  screenshot,
  signIn,
  useBrowser,
} from './lib.mjs';

const browser = useBrowser();
const BO = '/api/bo/v1/customerservice';

/// The storefront's date `days` before today (KST), as `YYYY-MM-DD`.
function kstDate(days = 0) {
  return new Date(Date.now() + 9 * 3600e3 - days * 86400e3).toISOString().slice(0, 10);
}

test('a manager reads the desk report by type, counselor and day, exports it and sets a type\'s answer target; a counselor cannot', async () => {
  const [start, end] = [kstDate(89), kstDate(0)];
  const expected = (await api(MANAGER, 'GET', `${BO}/getDeskReport?startDt=${start}&endDt=${end}&groupBy=TYPE`)).payload;
  assert.ok(expected.total.receivedCnt > 0, 'the demo has inquiries in the last 90 days');

  const page = await newPage(browser());
  await signIn(page, MANAGER);
  await page.getByRole('navigation', { name: '상담 관리 메뉴' }).getByRole('link', { name: '상담 현황' }).click();
  await page.locator('[data-page="report"]').waitFor();
  await page.getByLabel('시작일').fill(start);
  await page.getByLabel('종료일').fill(end);
  await page.getByRole('button', { name: '조회' }).click();
  const table = page.locator('table.console-report');
  await table.locator('caption', { hasText: `${start} ~ ${end}` }).waitFor();

  // By type: a row per type the server counted, its total in the footer, a chart beside.
  assert.equal(await table.locator('tbody tr').count(), expected.rows.length);
  const total = table.locator('tfoot tr');
  assert.equal(await total.locator('td').first().textContent(), String(expected.total.receivedCnt));
  assert.equal(await total.locator('td').nth(1).textContent(), String(expected.total.answeredCnt));
  assert.match(await total.locator('td').nth(2).textContent(), /^\d+(\.\d)?시간$/, 'median in business hours');
  assert.match(await total.locator('td').nth(4).textContent(), /^\d+(\.\d)?% \(\d+\/\d+\)$/, 'satisfaction of the rated');
  const chart = page.getByRole('img', { name: /접수와 답변 \(문의 유형별\)/ });
  await chart.waitFor();
  assert.equal(await chart.locator('rect.console-chart-received').count(), expected.rows.length);
  await assertAxeClean(page, 'the desk report by type');
  await screenshot(page, 'console-report.png');

  // By counselor: each counselor who holds inquiries, by name.
  await page.getByLabel('기준').selectOption('COUNSELOR');
  await page.getByRole('button', { name: '조회' }).click();
  await table.locator('caption', { hasText: '상담원별' }).waitFor();
  await table.locator('tbody tr[data-key="C001"] th', { hasText: '이서연' }).waitFor();

  // By day: every day of the last two weeks is a row (zeros included) and a column.
  await page.getByLabel('시작일').fill(kstDate(13));
  await page.getByLabel('기준').selectOption('DAY');
  await page.getByRole('button', { name: '조회' }).click();
  await table.locator('caption', { hasText: '일별' }).waitFor();
  assert.equal(await table.locator('tbody tr').count(), 14);
  assert.equal(await table.locator('tbody tr').last().getAttribute('data-key'), end);
  assert.equal(await page.locator('figure.console-chart rect.console-chart-answered').count(), 14);
  await assertAxeClean(page, 'the desk report by day');

  // The CSV: the same rows, the total last, for a spreadsheet.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV로 내보내기' }).click(),
  ]);
  const csv = (await readFile(await download.path(), 'utf8')).trimEnd().split(/\r?\n/);
  assert.ok(csv[0].startsWith('\ufeff구분,접수,답변'), csv[0]);
  assert.equal(csv.length, 1 + 14 + 1);
  assert.ok(csv.at(-1).startsWith('합계,'), csv.at(-1));
  await page.getByRole('link', { name: 'CSV 파일 받기' }).waitFor();

  // The answer targets the deadlines come from: a wrong value said and wired, then one set.
  const targets = page.getByRole('region', { name: '유형별 답변 기한' });
  await targets.locator('tr[data-type="1010"]').waitFor();
  await targets.getByLabel('문의 유형').selectOption('1010');
  const days = targets.getByLabel('답변 기한 (영업일)');
  await days.fill('11');
  await targets.getByRole('button', { name: '기한 저장' }).click();
  await page.locator('#target-days-error', { hasText: '1~10 영업일' }).waitFor();
  assert.equal(await days.getAttribute('aria-invalid'), 'true');
  await assertAxeClean(page, 'the answer targets with an error');
  await days.fill('3');
  await targets.getByRole('button', { name: '기한 저장' }).click();
  await targets.locator('tr[data-type="1010"] td', { hasText: '3영업일' }).waitFor();
  await page.locator('.console-status', { hasText: '3영업일로 저장했습니다' }).waitFor();
  assert.equal(await days.getAttribute('aria-invalid'), 'false');
  const kept = (await api(MANAGER, 'GET', `${BO}/getAnswerTargets`)).payload.find((t) => t.cnslTypNo === '1010');
  assert.equal(kept.ansTgtBdays, 3);
  // As it was, for the tests after this one.
  assert.equal((await api(MANAGER, 'POST', `${BO}/answerTargetMod`, { cnslTypNo: '1010', ansTgtBdays: 1 })).status, 200);

  // A counselor: not in the menu, and the page says whose it is.
  const other = await newPage(browser());
  await signIn(other, COUNSELOR);
  const menu = other.getByRole('navigation', { name: '상담 관리 메뉴' });
  await menu.getByRole('link', { name: '답변 템플릿' }).waitFor();
  assert.equal(await menu.getByRole('link', { name: '상담 현황' }).count(), 0);
  await other.goto(`${BASE}/console/report`);
  await other.locator('.console-error', { hasText: '상담 관리자만' }).waitFor();
  await assertAxeClean(other, 'the report refused to a counselor');
});
