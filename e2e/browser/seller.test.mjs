// The seller's side end to end: a counselor transfers an inquiry to the goods' seller in the
// console; the seller answers through the signed call-center API; the customer's open detail
// in the SPA shows the seller's reply (판매자) and locks, with no reload.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  BASE,
  assertAxeClean,
  boDetail,
  newInquiryAboutGoods,
  newPage,
  returnToTab,
  screenshot,
  sellerCall,
  signIn,
  useBrowser,
} from './lib.mjs';

const browser = useBrowser();

test('a counselor transfers to the seller, whose reply reaches the customer\'s open page', async () => {
  const ccn = await newInquiryAboutGoods(`옵션 교환 문의 ${Date.now()}`);
  const customer = await newPage(browser());
  await customer.goto(`${BASE}/${ccn}`);
  await customer.locator('[data-page="detail"]').waitFor();

  // The counselor transfers it, needing the seller's answer, with the prefilled note.
  const counselor = await newPage(browser());
  await signIn(counselor);
  await counselor.goto(`${BASE}/console/inquiries/${ccn}`);
  const opener = counselor.getByRole('button', { name: '판매자에게 이관' });
  await opener.click();
  const dialog = counselor.getByRole('dialog', { name: '판매자에게 이관' });
  await dialog.waitFor();
  await assertAxeClean(counselor, 'the transfer dialog');
  const note = dialog.getByLabel('이관 메모 (판매자에게 보입니다)');
  assert.match(await note.inputValue(), /^\[판매자이관\]\n◼주문번호: \d+/);
  assert.ok(await dialog.getByRole('radio', { name: /판매자 답변 요청/ }).isChecked(), 'an unanswered inquiry asks for an answer');
  // Escape cancels and gives focus back to the opener.
  await counselor.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.ok(await opener.evaluate((el) => el === document.activeElement));
  await opener.click();
  await note.fill('[판매자이관]\n옵션이 주문과 다르다고 합니다. 교환 안내 부탁드립니다.');
  await screenshot(counselor, 'console-transfer.png', { fullPage: false });
  await dialog.getByRole('button', { name: '이관' }).click();
  await counselor.locator('.console-transfer[data-state="WAITING"]').waitFor();
  await counselor.locator('.console-inquiry-head .console-badge', { hasText: '처리중' }).waitFor();
  await assertAxeClean(counselor, 'a transferred inquiry');
  const { vendorId, vendorNm } = (await boDetail(ccn)).payload.trns;

  // The seller finds it awaiting its answer, and answers.
  // The period is in the storefront's zone (KST, UTC+9), as the seller's dates are.
  const kstDate = (ms) => new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);
  const end = kstDate(Date.now());
  const start = kstDate(Date.now() - 6 * 86400_000);
  const list = await sellerCall(
    vendorId,
    'GET',
    `/v2/providers/openapi/apis/api/v5/vendors/${vendorId}/callCenterInquiries?vendorId=${vendorId}&partnerCounselingStatus=NO_ANSWER&inquiryStartAt=${start}&inquiryEndAt=${end}&pageSize=30`,
  );
  assert.equal(list.status, 200, JSON.stringify(list));
  const item = list.data.content.find((i) => String(i.inquiryId) === ccn);
  assert.ok(item, 'the seller sees the transfer');
  const transferNote = item.replies.find((r) => r.answerType === 'csAgent' && r.needAnswer);
  assert.match(transferNote.content, /교환 안내 부탁드립니다/);
  const answer = '안녕하세요, 주문하신 옵션으로 바로 교환해 드리겠습니다. 회수 기사님이 내일 방문합니다.';
  const replied = await sellerCall(
    vendorId,
    'POST',
    `/v2/providers/openapi/apis/api/v4/vendors/${vendorId}/callCenterInquiries/${ccn}/replies`,
    { vendorId, inquiryId: ccn, content: answer, replyBy: 'wing01', parentAnswerId: transferNote.answerId },
  );
  assert.deepEqual(replied, { status: 200, code: '200', message: 'OK' });

  // The customer's page, open all along, shows the seller's reply and locks.
  await returnToTab(customer);
  const reply = customer.locator('.idk-reply-seller', { hasText: answer });
  await reply.waitFor();
  assert.match(await reply.locator('.idk-reply-role').textContent(), /판매자/);
  assert.equal(await reply.locator('.idk-reply-name').textContent(), vendorNm);
  await customer.locator('#idk-lock-reason').waitFor();
  await assertAxeClean(customer, 'the customer detail with a seller reply');

  // The console shows the transfer handled.
  await counselor.reload();
  await counselor.locator('.console-transfer[data-state="DONE"]', { hasText: 'wing01' }).waitFor();
});
