// The counselors' console (release build, /console/) against the real server: sign-in, the
// queue's tabs, counts, filters and keys, taking an inquiry, answering it with a template, and
// the two races a counselor can lose. axe runs on every page and on the open dialog.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  BASE,
  COUNSELOR,
  COUNSELOR2,
  MEMBER,
  assertAxeClean,
  boDetail,
  counselorAnswer,
  counts,
  memberDelete,
  memberDetail,
  newInquiry,
  newPage,
  screenshot,
  signIn,
  templateList,
  templates,
  whoami,
  useBrowser,
} from './lib.mjs';

const browser = useBrowser();

const tabCount = (page, status) =>
  page.locator(`.console-tab[data-status="${status}"] .console-tab-count`).getAttribute('data-count');

test('sign-in says why a token is refused; a counselor lands on the queue and can log out', async () => {
  const page = await newPage(browser());
  // A deep link while signed out goes to the login, and comes back after it.
  await page.goto(`${BASE}/console/?status=30`);
  await page.locator('[data-page="login"]').waitFor();
  await assertAxeClean(page, 'the sign-in page');

  const token = page.getByLabel('상담원 토큰');
  const login = page.getByRole('button', { name: '로그인' });
  const error = page.locator('#console-token-error');
  await login.click();
  await error.filter({ hasText: '상담원 토큰을 입력해 주세요.' }).waitFor();

  await token.fill('not-a-token');
  await login.click();
  await error.filter({ hasText: '토큰이 올바르지 않습니다' }).waitFor();
  assert.equal(await token.getAttribute('aria-invalid'), 'true');
  assert.ok(await token.evaluate((el) => el === document.activeElement), 'focus back on the token');
  await assertAxeClean(page, 'the sign-in page with an error');

  await token.fill(MEMBER);
  await login.click();
  await error.filter({ hasText: '상담원 토큰이 아닙니다' }).waitFor();

  await token.fill(COUNSELOR);
  await login.click();
  await page.locator('[data-page="queue"]').waitFor();
  assert.match(page.url(), /\/console\/?\?status=30$/, 'back where the deep link pointed');
  const me = (await whoami(COUNSELOR)).payload;
  await page.locator('.console-me', { hasText: `${me.cnslrNm} (${me.cnslrNo})` }).waitFor();
  await page.locator('.console-row').first().waitFor();
  await assertAxeClean(page, 'the queue');

  await page.getByRole('button', { name: '로그아웃' }).click();
  await page.locator('[data-page="login"]').waitFor();
  await page.goto(`${BASE}/console/`);
  await page.locator('[data-page="login"]').waitFor();
});

test('the queue: tab counts are the server\'s, tabs and filters narrow the rows and live in the URL, keys move and open', async () => {
  const page = await newPage(browser());
  await signIn(page);
  await page.locator('.console-row').first().waitFor();

  // The tabs count what the server counts.
  const all = (await counts()).payload;
  await page.locator(`.console-tab[data-status="10"] .console-tab-count[data-count="${all.received}"]`).waitFor();
  assert.equal(await tabCount(page, '20'), String(all.inProgress));
  assert.equal(await tabCount(page, '30'), String(all.answered));
  // 접수완료 is the default tab: the soonest answer-due first, each row saying how long it
  // has waited; those past their deadline say 초과.
  assert.equal(await page.locator('.console-tab[aria-selected="true"]').getAttribute('data-status'), '10');
  await page.locator('.console-total', { hasText: `총 ${all.received}건` }).waitFor();
  const dues = await page.locator('.console-row .console-due').evaluateAll((els) => els.map((e) => e.dataset.due));
  assert.ok(dues.length > 2);
  assert.deepEqual(dues, [...dues].sort(), 'soonest due first');
  assert.equal(await page.locator('.console-row .console-waited').count(), dues.length);
  const overdue = await page.locator('.console-row .console-badge-due-over').count();
  const past = dues.filter((d) => new Date(d) < new Date()).length;
  assert.equal(overdue, past, 'every row past its deadline, and only those, says 초과');
  await screenshot(page, 'console-queue.png');

  // Another tab lists only its own status.
  await page.getByRole('tab', { name: /처리중/ }).click();
  await page.waitForURL(/status=20/);
  await page.locator('.console-total', { hasText: `총 ${all.inProgress}건` }).waitFor();
  const badges = await page.locator('.console-row td:last-child .console-badge').allTextContents();
  assert.ok(badges.length > 0 && badges.every((b) => b === '처리중'), badges.join());

  // A member filter: the rows and the counts narrow, and the URL keeps it.
  await page.getByLabel('회원번호').fill('M0002');
  await page.getByRole('button', { name: '조회' }).click();
  await page.waitForURL(/mbrNo=M0002/);
  const mine = (await counts('?mbrNo=M0002')).payload;
  assert.ok(mine.inProgress < all.inProgress, 'the seed spreads inquiries over members');
  await page.locator(`.console-tab[data-status="20"] .console-tab-count[data-count="${mine.inProgress}"]`).waitFor();
  await page.locator('.console-total', { hasText: `총 ${mine.inProgress}건` }).waitFor();
  const members = await page.locator('.console-row td:nth-child(4)').allTextContents();
  assert.ok(members.every((m) => m.endsWith('(M0002)')), members.join());
  await page.reload();
  await page.locator('.console-row').first().waitFor();
  assert.equal(await page.getByLabel('회원번호').inputValue(), 'M0002', 'the filter survives a reload');
  assert.equal(await page.locator('.console-tab[aria-selected="true"]').getAttribute('data-status'), '20');

  // A keyword nobody wrote: an empty queue that says so.
  await page.getByLabel('검색어(제목·내용)').fill('아무도쓰지않은검색어');
  await page.getByRole('button', { name: '조회' }).click();
  await page.locator('.console-empty', { hasText: '조건에 맞는 문의가 없습니다.' }).waitFor();
  await assertAxeClean(page, 'an empty queue');

  // Keyboard: the first row takes the tab stop, ↓ moves, Enter opens the focused row.
  await page.goto(`${BASE}/console/?status=30`);
  const rows = page.locator('.console-row');
  await rows.nth(1).waitFor();
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  const second = await rows.nth(1).getAttribute('data-ccn-no');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.ccnNo), second);
  assert.equal(await rows.first().getAttribute('tabindex'), '-1', 'one tab stop in the table');
  await page.keyboard.press('Enter');
  await page.locator(`[data-page="inquiry"][data-ccn-no="${second}"]`).waitFor();
});

test('take an inquiry, answer it with a filled-in template after a preview and a confirm', async () => {
  const title = `콘솔 답변 ${Date.now()}`;
  const ccn = await newInquiry(title);
  const page = await newPage(browser());
  await signIn(page);
  const me = (await whoami(COUNSELOR)).payload;

  // A new inquiry waits unassigned in 접수완료.
  await page.goto(`${BASE}/console/?q=${encodeURIComponent(title)}`);
  const row = page.locator(`.console-row[data-ccn-no="${ccn}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), /미배정/);
  await row.getByRole('link').click();
  await page.locator(`[data-page="inquiry"][data-ccn-no="${ccn}"]`).waitFor();
  await page.locator('.console-content', { hasText: `${title}: 본문입니다.` }).waitFor();
  await assertAxeClean(page, 'an inquiry');

  await page.getByRole('button', { name: '문의 맡기 (처리중)' }).click();
  await page.locator('.console-status', { hasText: '처리중으로 바뀌었습니다' }).waitFor();
  await page.locator('.console-holder', { hasText: me.cnslrNm }).waitFor();
  await page.locator('.console-inquiry-head .console-badge', { hasText: '처리중' }).waitFor();
  // The queue shows the holder, and "mine" finds it.
  const queue = await newPage(browser());
  await signIn(queue);
  await queue.goto(`${BASE}/console/?status=20&assignee=me&q=${encodeURIComponent(title)}`);
  await queue.locator(`.console-row[data-ccn-no="${ccn}"]`, { hasText: me.cnslrNm }).waitFor();
  await queue.close();

  // A template that greets the customer by name: its placeholders come filled in.
  const { mbrNm } = (await boDetail(ccn)).payload;
  const filled = (await templates(ccn)).payload;
  const greeting = filled.find((t) => t.tmplCont.includes(`${mbrNm} 고객님`));
  assert.ok(greeting, `a template for this inquiry names ${mbrNm}`);
  const template = page.getByLabel('답변 템플릿');
  await template.locator(`option[value="${greeting.tmplNo}"]`).waitFor({ state: 'attached' });
  await template.selectOption(greeting.tmplNo);
  await page.getByRole('button', { name: '템플릿 넣기' }).click();
  const answer = page.getByLabel('답변 내용');
  const text = await answer.inputValue();
  assert.equal(text, greeting.tmplCont, 'the filled template went into the answer');
  assert.doesNotMatch(text, /\{(고객명|주문번호|문의번호|상품명|문의제목|상담원명)\}/, text);
  assert.match(text, new RegExp(me.cnslrNm), 'signed by the counselor');
  assert.ok(await answer.evaluate((el) => el === document.activeElement), 'focus in the answer');
  await answer.press('End');
  await answer.pressSequentially(' 좋은 하루 보내세요.');
  const finalText = (await answer.inputValue()).trim();
  await page.locator('#console-answer-counter', { hasText: `${[...finalText].length} / ` }).waitFor();

  await page.getByRole('button', { name: '미리보기' }).click();
  await page.locator('.console-preview', { hasText: '좋은 하루 보내세요.' }).waitFor();
  await screenshot(page, 'console-inquiry.png');

  // The confirm: a modal dialog; Escape cancels and gives focus back.
  const send = page.getByRole('button', { name: '답변 등록' });
  await send.click();
  const dialog = page.getByRole('dialog', { name: '답변을 등록할까요?' });
  await dialog.waitFor();
  await assertAxeClean(page, 'the answer confirm dialog');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '취소');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.ok(await send.evaluate((el) => el === document.activeElement), 'focus back on 답변 등록');
  assert.equal((await memberDetail(ccn)).payload.ccnStatCd, '20', 'nothing sent on cancel');

  await send.click();
  await dialog.getByRole('button', { name: '등록' }).click();
  await page.locator('.console-status', { hasText: '답변을 등록했습니다' }).waitFor();
  await page.locator('.console-inquiry-head .console-badge', { hasText: '답변완료' }).waitFor();
  await page.locator('.console-reply-counselor .console-content', { hasText: '좋은 하루 보내세요.' }).waitFor();
  assert.equal(await page.getByLabel('답변 내용').count(), 0, 'an answer once sent is not edited');
  // The member consented to SMS only: one notification row, for SMS.
  await page.locator('.console-notifications tr[data-channel="SMS"]').waitFor();
  assert.equal(await page.locator('.console-notifications tbody tr').count(), 1);
  await assertAxeClean(page, 'an answered inquiry');

  const now = (await memberDetail(ccn)).payload;
  assert.equal(now.ccnStatCd, '30');
  assert.equal(now.replies.at(-1).ansCont, finalText);
});

test('answering an inquiry the member just deleted (withdrew), or another counselor just answered, says so and keeps the text', async () => {
  const page = await newPage(browser());
  await signIn(page);
  const typed = '배송 일정 확인 후 다시 안내드리겠습니다.';

  // The member deletes it while the counselor types.
  const gone = await newInquiry(`삭제 경합 ${Date.now()}`);
  await page.goto(`${BASE}/console/inquiries/${gone}`);
  await page.getByLabel('답변 내용').fill(typed);
  assert.equal((await memberDelete(gone)).status, 200);
  await page.getByRole('button', { name: '답변 등록' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '등록' }).click();
  // Withdrawn, not destroyed: the page says so, and marks it.
  await page.locator('#console-answer-error', { hasText: '고객이' }).waitFor();
  assert.match(await page.locator('#console-answer-error').textContent(), /삭제한 문의입니다/);
  await page.locator('.console-withdrawn[role="note"]').waitFor();
  await page.locator('#console-answer-error', { hasText: '작성하던 답변은 그대로 남아 있습니다.' }).waitFor();
  assert.equal(await page.getByLabel('답변 내용').inputValue(), typed);
  assert.ok(await page.getByRole('button', { name: '답변 등록' }).isDisabled(), 'nothing left to send to');
  await assertAxeClean(page, 'a lost race (deleted)');

  // Another counselor answers first.
  const taken = await newInquiry(`답변 경합 ${Date.now()}`);
  await page.goto(`${BASE}/console/inquiries/${taken}`);
  await page.getByLabel('답변 내용').fill(typed);
  const other = await counselorAnswer(COUNSELOR2, taken, '다른 상담원이 먼저 드린 답변입니다.');
  assert.equal(other.status, 200);
  await page.getByRole('button', { name: '답변 등록' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '등록' }).click();
  const error = page.locator('#console-answer-error');
  await error.filter({ hasText: '작성하던 답변은 그대로 남아 있습니다.' }).waitFor();
  assert.match(await error.textContent(), /이미 답변/);
  assert.equal(await page.getByLabel('답변 내용').inputValue(), typed);
  // The thread now shows the answer that won, and the status it left.
  await page.locator('.console-reply-counselor .console-content', { hasText: '다른 상담원이 먼저 드린 답변입니다.' }).waitFor();
  await page.locator('.console-inquiry-head .console-badge', { hasText: '답변완료' }).waitFor();
  const replies = (await memberDetail(taken)).payload.replies;
  assert.equal(replies.length, 1, 'the lost answer was not sent');

  // The typed text is kept for this tab: a reload still has it.
  await page.reload();
  await page.locator('[data-page="inquiry"]').waitFor();
  assert.equal(await page.getByLabel('답변 내용').inputValue(), typed);
});

test('a counselor leaves internal memos a colleague reads; the customer never sees them', async () => {
  const title = `콘솔 메모 ${Date.now()}`;
  const ccn = await newInquiry(title);
  const page = await newPage(browser());
  await signIn(page);
  const me = (await whoami(COUNSELOR)).payload;
  await page.goto(`${BASE}/console/inquiries/${ccn}`);
  const memos = page.getByRole('region', { name: '내부 메모' });
  await memos.getByText('남긴 메모가 없습니다.').waitFor();

  // Nothing typed: said at the field, which keeps the focus; nothing is sent.
  const field = page.getByLabel('메모 남기기');
  await memos.getByRole('button', { name: '메모 저장' }).click();
  await memos.getByRole('alert').filter({ hasText: '메모를 입력해 주세요.' }).waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.ok(await field.evaluate((el) => el === document.activeElement), 'focus on the memo');
  assert.deepEqual((await boDetail(ccn)).payload.memos, []);

  // Keyboard only: type, tab to the button, press it.
  const text = `창고에 재고 확인 요청 <b>${Date.now()}</b>\n내일 오전 회신 예정`;
  await field.fill(text);
  await field.press('Tab');
  await page.keyboard.press('Enter');
  await memos.getByRole('status').filter({ hasText: '메모를 남겼습니다.' }).waitFor();
  const item = memos.locator('.console-memo-list li[data-memo-seq="1"]');
  await item.locator('.console-content').filter({ hasText: '<b>' }).waitFor();
  assert.equal(await item.locator('.console-content').textContent(), text, 'verbatim, as text');
  assert.match(await item.locator('.console-reply-by').textContent(), new RegExp(me.cnslrNm));
  assert.equal(await field.inputValue(), '', 'the field is cleared once saved');
  await assertAxeClean(page, 'an inquiry with a memo');
  await screenshot(page, 'console-memo.png');

  // A colleague opening the inquiry reads it; the customer's detail does not carry it.
  const colleague = await newPage(browser());
  await signIn(colleague, COUNSELOR2);
  await colleague.goto(`${BASE}/console/inquiries/${ccn}`);
  await colleague.locator('.console-memo-list .console-content').filter({ hasText: '내일 오전 회신 예정' }).waitFor();
  await colleague.close();
  const customer = JSON.stringify(await memberDetail(ccn));
  assert.ok(!customer.includes('창고에 재고 확인'), customer);
});

test('a counselor writes their own template with a preview, answers from it, edits it and deletes it', async () => {
  const page = await newPage(browser());
  await signIn(page);
  await page.getByRole('navigation').getByRole('link', { name: '답변 템플릿' }).click();
  await page.locator('[data-page="templates"]').waitFor();
  // Shared templates are listed but a counselor cannot change them, nor make one.
  await page.locator('tr[data-share="Y"]').first().waitFor();
  assert.equal(await page.locator('tr[data-share="Y"] .console-delete').count(), 0);
  assert.ok(await page.getByRole('radio', { name: '공용' }).isDisabled());

  const name = `재확인 안내 ${Date.now()}`;
  const content = '안녕하세요, {고객명} 고객님. 주문번호 {주문번호}의 배송을 다시 확인하겠습니다. 확인되는 대로 안내해 드리겠습니다.\n\n{상담원명} 드림';
  await page.getByLabel('템플릿 이름').fill(name);
  // For every type (the default), so it is offered on any inquiry.
  assert.equal(await page.getByLabel('유형').inputValue(), '');
  await page.getByLabel('템플릿 내용').fill(content);
  await page.getByRole('button', { name: '미리보기' }).click();
  const previews = page.locator('.console-preview');
  await previews.first().waitFor();
  assert.match(await previews.nth(0).textContent(), /주문번호 \d+의 배송을/);
  const without = await previews.nth(1).textContent();
  assert.ok(!without.includes('주문번호') && without.startsWith('안녕하세요, 김하늘 고객님. 확인되는 대로'), without);
  await assertAxeClean(page, 'the template editor');
  await screenshot(page, 'console-templates.png');
  await page.getByRole('button', { name: '템플릿 저장' }).click();
  await page.locator('.console-status', { hasText: `'${name}' 템플릿을 저장했습니다.` }).waitFor();
  const row = page.locator('tr', { hasText: name });
  await row.waitFor();
  assert.match(await row.textContent(), /개인/);

  // The same name again is refused, and what was typed stays.
  await page.getByLabel('템플릿 이름').fill(name);
  await page.getByLabel('템플릿 내용').fill('다른 내용');
  await page.getByRole('button', { name: '템플릿 저장' }).click();
  await page.locator('#console-tmpl-error', { hasText: '같은 이름의 개인 템플릿이 이미 있습니다' }).waitFor();
  assert.equal(await page.getByLabel('템플릿 내용').inputValue(), '다른 내용');

  // Used on a delivery inquiry without an order: the order's sentence is left out; counted.
  const ccn = await newInquiry(`템플릿 사용 ${Date.now()}`);
  const own = (await templateList()).payload.find((t) => t.ansTmplNm === name);
  await page.goto(`${BASE}/console/inquiries/${ccn}`);
  await page.getByRole('button', { name: '문의 맡기 (처리중)' }).click();
  await page.locator('.console-inquiry-head .console-badge', { hasText: '처리중' }).waitFor();
  const picker = page.getByLabel('답변 템플릿');
  await picker.locator(`option[value="${own.ansTmplNo}"]`).waitFor({ state: 'attached' });
  await picker.selectOption(own.ansTmplNo);
  await page.getByRole('button', { name: '템플릿 넣기' }).click();
  const text = await page.getByLabel('답변 내용').inputValue();
  assert.ok(text.startsWith('안녕하세요, 김하늘 고객님. 확인되는 대로'), text);
  assert.ok(!text.includes('{') && !text.includes('주문번호'), text);
  await page.getByRole('button', { name: '답변 등록' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '등록' }).click();
  await page.locator('.console-status', { hasText: '답변을 등록했습니다' }).waitFor();
  assert.equal((await templateList()).payload.find((t) => t.ansTmplNo === own.ansTmplNo).useCnt, 1);

  // Edit, then delete after a confirmation that traps focus, cancels with Escape and returns it.
  await page.goto(`${BASE}/console/templates`);
  const mine = page.locator(`tr[data-tmpl-no="${own.ansTmplNo}"]`);
  await mine.getByRole('button', { name: `${name} 수정` }).click();
  assert.equal(await page.getByLabel('템플릿 이름').inputValue(), name);
  await page.getByLabel('템플릿 이름').fill(`${name} (수정)`);
  await page.getByRole('button', { name: '템플릿 저장' }).click();
  await page.locator('tr', { hasText: `${name} (수정)` }).waitFor();
  const del = mine.getByRole('button', { name: `${name} (수정) 삭제` });
  await del.click();
  const dialog = page.getByRole('dialog', { name: '템플릿을 삭제할까요?' });
  await dialog.waitFor();
  await assertAxeClean(page, 'the delete confirmation');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.ok(await del.evaluate((el) => el === document.activeElement), 'focus back on 삭제');
  await del.click();
  await dialog.getByRole('button', { name: '삭제' }).click();
  await page.locator('.console-status', { hasText: '템플릿을 삭제했습니다' }).waitFor();
  await page.locator(`tr[data-tmpl-no="${own.ansTmplNo}"]`).waitFor({ state: 'detached' });
  assert.ok(!(await templateList()).payload.some((t) => t.ansTmplNo === own.ansTmplNo), 'gone on the server');
});
