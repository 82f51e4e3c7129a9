// What the browser tests share: the server under test, Chromium, the API as a second party
// (a member deleting, another counselor answering), and axe.
//
// `cargo xtask test` starts inquiry-server (demo seed, the release SPA and console) and runs
// these files with INQUIRY_E2E_BASE set; it copies them next to their node_modules in
// .tools/e2e first, as the bench does.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const BASE = process.env.INQUIRY_E2E_BASE;
if (!BASE) throw new Error('INQUIRY_E2E_BASE is not set: run these through `cargo xtask test`');
export const SCREENSHOTS = process.env.INQUIRY_E2E_SCREENSHOTS;

export const MEMBER = 'demo-member-1';
export const COUNSELOR = 'demo-counselor';
export const COUNSELOR2 = 'demo-counselor-2';
export const MANAGER = 'demo-manager';

const CS = '/api/order/v1/customerservice';
const BO = '/api/bo/v1/customerservice';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage', '--lang=ko-KR'],
  });
}

/// Uncaught exceptions (a Rust panic included) and CSP violations in any page; checked after
/// each file.
const pageErrors = [];

/// One Chromium for the calling test file, closed after it, when no page may have thrown.
/// Returns a getter for the browser (launched in the file's `before`).
export function useBrowser() {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    assert.deepEqual(pageErrors, [], 'no page threw');
  });
  return () => browser;
}

/// What the browser does when the customer comes back to the tab. Headless pages never hide,
/// so tests dispatch the event itself (the 30 s timer runs the same check).
export const returnToTab = (page) =>
  page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));

/// A fresh context (its own sessionStorage) and page, Korean, at a desktop size.
export async function newPage(browser) {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  // The server sends a Content-Security-Policy: anything it blocks is a failure too.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) {
      pageErrors.push(`${page.url()}: ${m.text()}`);
    }
  });
  return page;
}

/// The JSON envelope of an API call made with `token`.
export async function api(token, method, path, body) {
  const init = { method, headers: { authorization: `Bearer ${token}` } };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['content-type'] = 'application/json';
  }
  const r = await fetch(BASE + path, init);
  const json = await r.json();
  return { status: r.status, ...json };
}

/// A new inquiry of the demo member (a type that needs no product), consenting to SMS; its number.
export async function newInquiry(title, content = `${title}: 본문입니다.`) {
  const init = await api(MEMBER, 'GET', `${CS}/getQuestionInit`);
  const leaf = init.payload.cnslTypes.flatMap((g) => g.children).find((c) => c.goodsSelMdtyYn === 'N');
  const form = new FormData();
  form.set('cnslTypNo', leaf.cnslTypNo);
  form.set('ccnTitle', title);
  form.set('accpCont', content);
  form.set('smsRcvYn', 'Y');
  form.set('emailRcvYn', 'N');
  const saved = await api(MEMBER, 'POST', `${CS}/questionSave`, form);
  if (saved.status !== 201) throw new Error(`questionSave: ${JSON.stringify(saved)}`);
  return saved.payload;
}

export const memberDetail = (ccnNo) => api(MEMBER, 'GET', `${CS}/getQuestionDtl?ccnNo=${ccnNo}`);
export const memberDelete = (ccnNo) => api(MEMBER, 'DELETE', `${CS}/questionDel?ccnNo=${ccnNo}`);
export const counselorAnswer = (token, ccnNo, ansCont) =>
  api(token, 'POST', `${BO}/questionAns`, { ccnNo, ansCont });
export const counts = (query = '') => api(COUNSELOR, 'GET', `${BO}/getQuestionCounts${query}`);
export const whoami = (token) => api(token, 'GET', `${BO}/whoami`);

/// Signs in to the console with `token` and waits for the queue.
export async function signIn(page, token = COUNSELOR) {
  await page.goto(`${BASE}/console/login`);
  await page.getByLabel('상담원 토큰').fill(token);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.locator('[data-page="queue"]').waitFor();
}

/// Runs axe on the page as it is now; fails with each violation's rule and nodes.
export async function assertAxeClean(page, what) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Evaluated through DevTools rather than added as a <script>: the page's CSP (rightly)
    // refuses inline scripts it did not hash.
    await page.evaluate(AXE_SOURCE);
  }
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  const found = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .map((n) => `${n.target.join(' ')}: ${n.any.concat(n.all).map((c) => c.message).join('; ')}`)
        .join('\n    ')}`,
  );
  if (found.length) {
    throw new Error(`axe: ${found.length} violation(s) on ${what}:\n  ${found.join('\n  ')}`);
  }
}

/// A README screenshot, when the run was asked to take them: the whole page, or only what is
/// in view (`{ fullPage: false }`, for an open modal dialog and its backdrop).
export async function screenshot(page, file, { fullPage = true } = {}) {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${file}`, fullPage });
}
export const templates = (ccnNo) => api(COUNSELOR, 'GET', `${BO}/getAnswerTemplates?ccnNo=${ccnNo}`);
export const templateList = () => api(COUNSELOR, 'GET', `${BO}/getAnswerTemplateList`);
export const boDetail = (ccnNo) => api(COUNSELOR, 'GET', `${BO}/getQuestionDtl?ccnNo=${ccnNo}`);

/// A member's inquiry about goods they ordered (an exchange leaf, SMS consent); its number.
export async function newInquiryAboutGoods(title, content = `${title}: 옵션이 주문과 달라요.`) {
  const ordered = await api(MEMBER, 'GET', '/api/order/v1/customer/getOrderClaimGoodsList?pageSize=1');
  const g = ordered.payload.content[0];
  const form = new FormData();
  for (const [k, v] of Object.entries({
    cnslTypNo: '3030', ccnTitle: title, accpCont: content, smsRcvYn: 'Y', emailRcvYn: 'N',
    goodsNo: g.goodsNo, itmNo: g.itmNo, ordNo: g.ordNo,
  })) form.set(k, v);
  const saved = await api(MEMBER, 'POST', `${CS}/questionSave`, form);
  if (saved.status !== 201) throw new Error(`questionSave: ${JSON.stringify(saved)}`);
  return saved.payload;
}

/// A seller API call signed the way Coupang's samples sign (CEA, HMAC-SHA256). The demo
/// sellers' keys are `demo-access-<vendorId>` / `demo-secret-<vendorId>` (README).
export async function sellerCall(vendorId, method, pathAndQuery, body) {
  const { createHmac } = await import('node:crypto');
  const [path, query = ''] = pathAndQuery.split('?');
  const date = new Date().toISOString().replace(/[-:]/g, '').slice(2, 15) + 'Z';
  const signature = createHmac('sha256', `demo-secret-${vendorId}`)
    .update(date + method + path + query)
    .digest('hex');
  const headers = {
    authorization: `CEA algorithm=HmacSHA256, access-key=demo-access-${vendorId}, signed-date=${date}, signature=${signature}`,
  };
  if (body) headers['content-type'] = 'application/json;charset=UTF-8';
  const r = await fetch(BASE + pathAndQuery, { method, headers, body: body && JSON.stringify(body) });
  return { status: r.status, ...(await r.json()) };
}

/// The demo member's inquiries of the last year with `status` (`10`, `20`, `30`), newest first.
export async function memberInquiries(status) {
  const day = (ms) => new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);
  const end = day(Date.now());
  const start = day(Date.now() - 360 * 86400_000);
  const r = await api(MEMBER, 'GET', `${CS}/getQuestion?ccnStatCd=${status}&startDt=${start}&endDt=${end}&pageSize=30`);
  return r.payload.content;
}
