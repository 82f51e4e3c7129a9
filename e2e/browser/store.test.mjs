// The store plugged in: its data fed through the integration API shows where the customer
// looks (the recent-order picker and the goods search, in the shell, signed in with a JWT from
// the demo's login) and where the counselor looks (the console's inquiry).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { BASE, api, newPage, signIn, useBrowser } from './lib.mjs';

const browser = useBrowser();
const KEY = process.env.INQUIRY_E2E_INTEGRATION_KEY;
const CS = '/api/order/v1/customerservice';

async function feed(kind, items) {
  const r = await fetch(`${BASE}/api/integration/v1/${kind}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ items }),
  });
  const body = await r.json();
  assert.equal(r.status, 200, JSON.stringify(body));
  assert.equal(body.payload.rejected, 0, JSON.stringify(body.payload.errors));
  return body.payload;
}

test('goods and an order the store feeds in appear in the picker and search, and in the console', async () => {
  assert.ok(KEY, 'INQUIRY_E2E_INTEGRATION_KEY is set by cargo xtask test');
  const stamp = Date.now();
  const name = `연동 리넨 셔츠 ${stamp}`;
  await feed('sellers', [{ vendorId: 'A00077001', vendorNm: '연동 셀러' }]);
  await feed('goods', [{
    goodsNo: `FEED-${stamp}`, goodsNm: name, brandNm: '연동브랜드', categoryNm: '의류', salePrc: 39000,
    vendorId: 'A00077001', options: [{ itmNo: 'M', itmNm: 'M / 네이비' }],
  }]);
  // An order of the demo member (M0001), placed a minute ago.
  await feed('orders', [{
    ordNo: `FO-${stamp}`, mbrNo: 'M0001', ordDtm: new Date(Date.now() - 60_000).toISOString(),
    lines: [{ goodsNo: `FEED-${stamp}`, itmNo: 'M', ordAmt: 39000 }],
  }]);

  const page = await newPage(browser());
  const bearers = [];
  page.on('request', (r) => {
    const auth = r.headers().authorization;
    if (r.url().includes('/api/') && auth) bearers.push(auth);
  });
  await page.goto(`${BASE}/shell/ko/mypage/inquiry/new`);
  await page.locator('[data-page="new"]').waitFor();
  await page.locator('#idk-f-goods').click();
  const picker = page.getByRole('dialog');
  await picker.waitFor();
  // Recent orders first: the fed order's goods lead, newest first.
  await picker.getByRole('option', { name: new RegExp(name) }).first().waitFor();
  await picker.getByRole('tab', { name: '상품 검색' }).click();
  await picker.getByRole('combobox').fill(`${stamp}`);
  const hit = picker.getByRole('option', { name: new RegExp(name) });
  // Chosen, it is the form's product.
  await hit.first().click();
  await picker.waitFor({ state: 'hidden' });
  await page.locator('.idk-form').getByText(name).first().waitFor();
  // Every API call carried a JWT from the demo's login, not an opaque demo token.
  assert.ok(bearers.length > 0);
  for (const b of bearers) assert.match(b, /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/, b);

  // The console shows an inquiry about the fed goods with its fed name.
  const init = await api('demo-member-1', 'GET', `${CS}/getQuestionInit`);
  const leaf = init.payload.cnslTypes.flatMap((g) => g.children).find((c) => c.goodsSelMdtyYn === 'Y');
  const form = new FormData();
  for (const [k, v] of Object.entries({ cnslTypNo: leaf.cnslTypNo, ccnTitle: `연동 상품 문의 ${stamp}`,
    accpCont: '연동된 주문 상품의 사이즈를 교환하고 싶어요.', smsRcvYn: 'N', emailRcvYn: 'N',
    goodsNo: `FEED-${stamp}`, itmNo: 'M', ordNo: `FO-${stamp}` })) form.set(k, v);
  const saved = await api('demo-member-1', 'POST', `${CS}/questionSave`, form);
  assert.equal(saved.status, 201, JSON.stringify(saved));
  const desk = await newPage(browser());
  await signIn(desk);
  await desk.goto(`${BASE}/console/inquiries/${saved.payload}`);
  await desk.getByText(name).first().waitFor();
});
