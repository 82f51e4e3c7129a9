// The whole loop in two browsers: a customer registers an inquiry in the SPA and keeps its
// detail open; a counselor takes and answers it in the console; the customer's page shows the
// answer and locks 수정/삭제 without a reload. And the same answer arriving while the customer
// edits: the form says so before they submit, keeps their text, and offers 추가 문의.
//
// "Returning to the tab" is the browser's visibilitychange event; headless pages never hide,
// so the test dispatches it the way the browser would (the 30 s timer is the same check).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  BASE,
  COUNSELOR2,
  assertAxeClean,
  counselorAnswer,
  memberDetail,
  newInquiry,
  newPage,
  returnToTab,
  screenshot,
  signIn,
  useBrowser,
} from './lib.mjs';

const browser = useBrowser();

test('a customer asks in the SPA, a counselor answers in the console, the open detail updates and locks', async () => {
  const title = `배송지 변경 가능할까요 ${Date.now()}`;
  const content = '어제 주문한 상품의 배송지를 회사 주소로 바꾸고 싶습니다.';

  // The customer registers an inquiry; the app shows its detail, editable.
  const customer = await newPage(browser());
  await customer.goto(`${BASE}/new`);
  await customer.locator('[data-page="new"]').waitFor();
  await customer.locator('#idk-f-type-group').selectOption({ label: '배송' });
  const leaf = customer.locator('#idk-f-type option', { hasNotText: '상품' }).nth(1);
  await customer.locator('#idk-f-type').selectOption(await leaf.getAttribute('value'));
  await customer.locator('#idk-f-title').fill(title);
  await customer.locator('#idk-f-content').fill(content);
  await customer.getByRole('button', { name: '문의 등록' }).click();
  await customer.locator('[data-page="detail"]').waitFor();
  const ccn = customer.url().split('/').pop();
  assert.match(ccn, /^\d+$/, customer.url());
  const edit = customer.getByRole('link', { name: '수정' });
  await edit.waitFor();
  assert.ok(await customer.getByRole('button', { name: '삭제' }).isEnabled());

  // The counselor finds it in the queue (by search: the queue goes by deadline), takes and answers it.
  const counselor = await newPage(browser());
  await signIn(counselor);
  await counselor.getByLabel('검색어(제목·내용)').fill(title);
  await counselor.getByRole('button', { name: '조회' }).click();
  const row = counselor.locator(`.console-row[data-ccn-no="${ccn}"]`);
  await row.waitFor();
  await row.focus();
  await counselor.keyboard.press('Enter');
  await counselor.locator(`[data-page="inquiry"][data-ccn-no="${ccn}"]`).waitFor();
  await counselor.locator('.console-content', { hasText: content }).waitFor();
  await counselor.getByRole('button', { name: '문의 맡기 (처리중)' }).click();
  await counselor.locator('.console-inquiry-head .console-badge', { hasText: '처리중' }).waitFor();

  // Taken: the customer's page learns it on return, and 수정 is no longer offered.
  await returnToTab(customer);
  await customer.locator('#idk-lock-reason').waitFor();

  const answer = '요청하신 회사 주소로 배송지를 변경했습니다. 내일 도착 예정입니다.';
  await counselor.getByLabel('답변 내용').fill(answer);
  await counselor.getByRole('button', { name: '답변 등록' }).click();
  await counselor.getByRole('dialog').getByRole('button', { name: '등록' }).click();
  await counselor.locator('.console-status', { hasText: '답변을 등록했습니다' }).waitFor();

  // The customer's detail, opened before the answer and never reloaded, shows it and locks.
  await returnToTab(customer);
  await customer.locator('.idk-reply-counselor', { hasText: answer }).waitFor();
  await customer.locator('#idk-lock-reason', { hasText: '답변이 완료된 문의는 수정하거나 삭제할 수 없습니다.' }).waitFor();
  assert.ok(await customer.getByRole('button', { name: '수정' }).isDisabled());
  assert.ok(await customer.getByRole('button', { name: '삭제' }).isDisabled());
  await customer.getByRole('link', { name: '추가 문의' }).waitFor();
  await assertAxeClean(customer, 'the customer detail after a live update');

  // The customer rates the answer inline: 불만족, why, and a comment.
  const rating = customer.getByRole('group', { name: '답변이 도움이 되었나요?' });
  await rating.getByLabel('불만족').check();
  await customer.getByLabel('아쉬웠던 이유').selectOption({ label: '문제가 해결되지 않았어요' });
  await customer.getByLabel(/^의견/).fill('회사 주소가 아니라 집 주소로 부탁드렸어요.');
  await assertAxeClean(customer, 'the rating form');
  await customer.getByRole('button', { name: '평가 보내기' }).click();
  const given = customer.locator('.idk-rating-given[data-satisfied="N"]');
  await given.filter({ hasText: '문제가 해결되지 않았어요' }).waitFor();
  await given.getByRole('link', { name: '추가 문의' }).waitFor();
  assert.equal(await customer.locator('.idk-rating').count(), 0, 'rated once');
  assert.equal((await memberDetail(ccn)).payload.stsf.reasonCd, 'UNRESOLVED');
  await screenshot(customer, 'detail-rating.png');

  // The desk: the rating on the inquiry, a memo for the colleague who follows up, and the
  // queue flags 불만족.
  await counselor.reload();
  await counselor.locator('.console-rating[data-satisfied="N"]', { hasText: '문제가 해결되지 않았어요' }).waitFor();
  await counselor.getByLabel('메모 남기기').fill('고객 재확인 필요: 집 주소로 다시 변경 요청 예정.');
  await counselor.getByRole('button', { name: '메모 저장' }).click();
  await counselor.locator('.console-memo-list li[data-memo-seq="1"]').waitFor();
  await assertAxeClean(counselor, 'an inquiry with a rating and a memo');
  await screenshot(counselor, 'console-rating-memo.png');
  await counselor.goto(`${BASE}/console/?status=30&q=${encodeURIComponent(title)}`);
  await counselor.locator(`.console-row[data-ccn-no="${ccn}"] .console-badge-unsatisfied`).waitFor();
});

test('an answer that arrives while the customer edits is said before they submit, and their text stays', async () => {
  const ccn = await newInquiry(`수정 중 답변 ${Date.now()}`);
  const customer = await newPage(browser());
  await customer.goto(`${BASE}/${ccn}/edit`);
  await customer.locator('[data-page="edit"]').waitFor();
  const typed = '내용을 조금 더 자세히 적어 봅니다. 색상은 검정입니다.';
  await customer.locator('#idk-f-content').fill(typed);

  const answered = await counselorAnswer(COUNSELOR2, ccn, '검정 색상으로 확인했습니다.');
  assert.equal(answered.status, 200);
  await returnToTab(customer);

  const conflict = customer.locator('.idk-conflict');
  await conflict.waitFor();
  await customer.locator('.idk-submit-error', { hasText: "'답변완료' 상태입니다" }).waitFor();
  await conflict.locator('.idk-reply-counselor', { hasText: '검정 색상으로 확인했습니다.' }).waitFor();
  assert.equal(await customer.locator('#idk-f-content').inputValue(), typed, 'the typed text is untouched');
  assert.equal(await customer.locator('#idk-kept-text').inputValue(), typed);
  assert.equal(
    await conflict.getByRole('link', { name: '추가 문의' }).getAttribute('href'),
    `/new?ref=${ccn}`,
  );
  assert.equal((await memberDetail(ccn)).payload.accpCont.includes('검정입니다'), false, 'nothing was sent');
  await assertAxeClean(customer, 'the edit form after a live conflict');
});
