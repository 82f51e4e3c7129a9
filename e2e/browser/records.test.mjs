// The records the law keeps, in the console: a withdrawn inquiry marked and read-only, what an
// edit replaced, the history of who did what; the desk manager's access log (filters, CSV
// export with a reason, itself logged) and monthly review; a counselor kept out of them. axe
// runs on every page and on the open dialog.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import {
  BASE,
  COUNSELOR,
  MANAGER,
  MEMBER,
  api,
  assertAxeClean,
  memberDelete,
  newInquiry,
  newPage,
  screenshot,
  signIn,
  useBrowser,
} from './lib.mjs';

const browser = useBrowser();
const CS = '/api/order/v1/customerservice';
const BO = '/api/bo/v1/customerservice';

async function memberEdit(ccnNo, title) {
  const before = (await api(MEMBER, 'GET', `${CS}/getQuestionDtl?ccnNo=${ccnNo}`)).payload;
  const form = new FormData();
  for (const [k, v] of Object.entries({
    ccnNo, cnslTypNo: before.cnslTypNo, ccnTitle: title, accpCont: `${title}: 고친 본문입니다.`,
    smsRcvYn: 'N', emailRcvYn: 'N',
  })) form.set(k, v);
  const r = await api(MEMBER, 'PUT', `${CS}/questionMod`, form);
  assert.equal(r.status, 200, JSON.stringify(r));
}

test('a withdrawn inquiry is marked and read-only; what an edit replaced and who did what are shown', async () => {
  const original = `수정 전 제목 ${Date.now()}`;
  const ccn = await newInquiry(original);
  await memberEdit(ccn, '수정한 제목');
  const page = await newPage(browser());
  await signIn(page);
  await page.goto(`${BASE}/console/inquiries/${ccn}`);
  await page.locator('[data-page="inquiry"]').waitFor();
  await page.getByRole('heading', { level: 1, name: '수정한 제목' }).waitFor();

  // The version the edit replaced, closed until asked for.
  const version = page.locator('.console-version[data-ver-seq="1"]');
  await version.locator('summary', { hasText: '1번째 제출' }).click();
  await version.locator('.console-version-title', { hasText: original }).waitFor();
  // The history: received, then the member's edit.
  await page.locator('.console-history li[data-action="MODIFY"]', { hasText: '회원' }).waitFor();
  assert.equal(await page.locator('.console-history li').first().getAttribute('data-action'), 'RECEIVED');
  await assertAxeClean(page, 'an inquiry with an earlier version and its history');

  // The member withdraws it: kept, marked, nothing more to do with it.
  assert.equal((await memberDelete(ccn)).status, 200);
  await page.reload();
  await page.locator('.console-withdrawn[role="note"]', { hasText: '고객이' }).waitFor();
  await page.locator('.console-inquiry-head .console-badge-withdrawn', { hasText: '고객 삭제' }).waitFor();
  await page.locator('.console-history li[data-action="WITHDRAW"]').waitFor();
  assert.equal(await page.getByRole('button', { name: /문의 맡기/ }).count(), 0, 'no take');
  assert.equal(await page.getByLabel('답변 내용').count(), 0, 'no answer box');
  assert.equal(await page.getByRole('button', { name: '판매자에게 이관' }).count(), 0, 'no transfer');
  await assertAxeClean(page, 'a withdrawn inquiry');
  await screenshot(page, 'console-withdrawn.png');
});

test('the desk manager reads the access log, exports it with a reason and reviews the month; a counselor cannot', async () => {
  // Something to find: a counselor reads an inquiry.
  const ccn = await newInquiry(`접근기록 ${Date.now()}`);
  assert.equal((await api(COUNSELOR, 'GET', `${BO}/getQuestionDtl?ccnNo=${ccn}`)).status, 200);

  const page = await newPage(browser());
  await signIn(page, MANAGER);
  const nav = page.getByRole('navigation', { name: '상담 관리 메뉴' });
  await nav.getByRole('link', { name: '접근기록' }).click();
  await page.locator('[data-page="access-log"]').waitFor();
  await page.locator('.console-access-log tbody tr').first().waitFor();
  await assertAxeClean(page, 'the access log');

  // Filtered to that inquiry's detail views: exactly the counselor's one.
  await page.getByLabel('문의번호').fill(ccn);
  await page.getByLabel('행위').selectOption('VIEW_DETAIL');
  await page.getByRole('button', { name: '조회' }).click();
  // The earlier page stays until the filtered one arrives: wait for that one.
  await page.waitForFunction((no) => {
    const rows = document.querySelectorAll('.console-access-log tbody tr');
    return rows.length === 1 && rows[0].textContent.includes(no);
  }, ccn);
  const row = page.locator('.console-access-log tbody tr');
  assert.equal(await row.getAttribute('data-action'), 'VIEW_DETAIL');
  assert.match(await row.textContent(), /이서연 \(C001\)/);

  // The export: a reason is required (said, wired, focus kept in the dialog), then a CSV.
  const opener = page.getByRole('button', { name: 'CSV로 내보내기' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: '접근기록 내보내기' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '내보내기' }).click();
  const reason = dialog.getByLabel('내보내는 사유 (기록에 남습니다)');
  await dialog.locator('#console-export-error', { hasText: '사유를 2자 이상' }).waitFor();
  assert.equal(await reason.getAttribute('aria-invalid'), 'true');
  await assertAxeClean(page, 'the export dialog with an error');
  await reason.fill('12월 월간 점검');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: '내보내기' }).click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff번호,일시,역할'), csv.slice(0, 80));
  assert.match(csv, new RegExp(`VIEW_DETAIL,문의 상세 조회,${ccn}`));
  await page.locator('.console-status', { hasText: '내보냈습니다' }).waitFor();
  assert.ok(await opener.evaluate((el) => el === document.activeElement), 'focus back on the export button');
  const exports = await api(MANAGER, 'GET', `${BO}/getAccessLog?actionCd=EXPORT_LOG`);
  assert.ok(exports.payload.content.some((e) => e.detail.includes('사유: 12월 월간 점검')), 'the export is logged with its reason');

  // The monthly review: the counselor's views counted.
  await nav.getByRole('link', { name: '월간 점검' }).click();
  await page.locator('[data-page="access-review"]').waitFor();
  const c001 = page.locator('.console-review tr[data-actor="C001"]');
  await c001.waitFor();
  assert.ok(Number(await c001.locator('td.console-num').last().textContent()) >= 1);
  await assertAxeClean(page, 'the monthly review');
  await screenshot(page, 'console-access-review.png');

  // A counselor's menu has the queue and the templates but not these, and the page says it is a
  // manager's.
  const other = await newPage(browser());
  await signIn(other, COUNSELOR);
  const menu = other.getByRole('navigation', { name: '상담 관리 메뉴' });
  await menu.getByRole('link', { name: '답변 템플릿' }).waitFor();
  assert.equal(await menu.getByRole('link', { name: '접근기록' }).count(), 0);
  assert.equal(await menu.getByRole('link', { name: '월간 점검' }).count(), 0);
  await other.goto(`${BASE}/console/access-log`);
  await other.locator('.console-error', { hasText: '상담 관리자만' }).waitFor();
  await assertAxeClean(other, 'the access log refused to a counselor');
});
