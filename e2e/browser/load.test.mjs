// The first load and the repeat visit of the standalone SPA (dist/index.html, as `cargo xtask
// build` leaves it): the first screen's reads start from the page while the wasm downloads and
// the app adopts them (one request per read, never two); on a repeat visit the browser asks
// for nothing but the page itself.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BASE, newPage, useBrowser } from './lib.mjs';

const browser = useBrowser();
const LIST = '/customerservice/getQuestion?';
const INIT = '/customerservice/getQuestionInit';
const FORM_CHUNK = /inquiry-desk-split_form-[0-9a-f]+\.wasm$/;
const DETAIL_CHUNK = /inquiry-desk-split_detail-[0-9a-f]+\.wasm$/;

/// Every request URL the page makes.
function recordRequests(page) {
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

test('first load: the list and the type tree are requested once each, before the wasm has arrived', async () => {
  const page = await newPage(browser());
  const urls = recordRequests(page);
  // Hold the wasm until the list request has been sent: an app that only asked after its wasm
  // had started would never get there, and this test would time out.
  let listSent;
  const listRequested = new Promise((resolve) => { listSent = resolve; });
  page.on('request', (r) => { if (r.url().includes(LIST)) listSent(); });
  let wasmHeld = false;
  await page.route(/_bg\.wasm$/, async (route) => {
    wasmHeld = true;
    await listRequested;
    await route.continue();
  });
  await page.goto(`${BASE}/`);
  await page.locator('.idk-row').first().waitFor();
  assert.ok(wasmHeld, 'the wasm went through the held route');
  const lists = urls.filter((u) => u.includes(LIST));
  const inits = urls.filter((u) => u.includes(INIT));
  assert.equal(lists.length, 1, `one list request:\n${lists.join('\n')}`);
  assert.equal(inits.length, 1, `one getQuestionInit:\n${inits.join('\n')}`);
  await page.close();
});

test('a list URL with a filter is the app\'s own request, made once', async () => {
  const page = await newPage(browser());
  const urls = recordRequests(page);
  await page.goto(`${BASE}/?period=1y`);
  await page.locator('.idk-row').first().waitFor();
  const lists = urls.filter((u) => u.includes(LIST));
  assert.equal(lists.length, 1, `one list request:\n${lists.join('\n')}`);
  await page.close();
});

test('a repeat visit fetches no script, wasm or stylesheet: only the page and the API', async () => {
  const page = await newPage(browser());
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // What reached the server: not the disk cache, not the renderer's memory cache (which
  // reports its hits as requestServedFromCache, before the response).
  const fromCache = new Set();
  cdp.on('Network.requestServedFromCache', (e) => fromCache.add(e.requestId));
  const fromNetwork = [];
  cdp.on('Network.responseReceived', (e) => {
    const r = e.response;
    if (!fromCache.has(e.requestId) && !r.fromDiskCache && !r.url.startsWith('data:')) {
      fromNetwork.push(`${r.status} ${new URL(r.url).pathname}`);
    }
  });
  // The first visit also fetches the chunks of the next pages once the list is idle: let it
  // finish them (a customer who leaves sooner simply fetches them on the next visit).
  const chunksDone = [];
  const onChunk = (r) => {
    if (/-(split_\w+|chunk_\d+)-[0-9a-f]+\.wasm$/.test(r.url())) {
      chunksDone.push(r.response().then((res) => res?.finished()));
    }
  };
  page.on('request', onChunk);
  const formChunk = page.waitForRequest(FORM_CHUNK);
  await page.goto(`${BASE}/`);
  await page.locator('.idk-row').first().waitFor();
  await formChunk;
  await Promise.all(chunksDone);
  // Only the first visit's: the repeat visit's chunk requests must not leave a pending read of
  // a response when the page closes.
  page.off('request', onChunk);
  const first = fromNetwork.splice(0);
  assert.ok(first.some((l) => /\.wasm$/.test(l)), `the first visit downloads the wasm:\n${first.join('\n')}`);

  await page.goto(`${BASE}/`);
  await page.locator('.idk-row').first().waitFor();
  const assets = fromNetwork.filter((l) => /\.(js|wasm|css)$/.test(l));
  assert.deepEqual(assets, [], `a repeat visit asked the server for:\n${fromNetwork.join('\n')}`);
  assert.ok(fromNetwork.some((l) => / \/$/.test(l)), `the page itself is revalidated:\n${fromNetwork.join('\n')}`);
  await page.close();
});


test('the list fetches the detail\'s and the form\'s chunks once its rows are shown; a row then opens without waiting for one', async () => {
  const page = await newPage(browser());
  const chunks = [];
  page.on('request', (r) => { if (/split_\w+-[0-9a-f]+\.wasm$/.test(r.url())) chunks.push(r.url()); });
  const detailChunk = page.waitForRequest(DETAIL_CHUNK);
  const formChunk = page.waitForRequest(FORM_CHUNK);
  await page.goto(`${BASE}/`);
  await page.locator('.idk-row').first().waitFor();
  await detailChunk;
  await formChunk;
  await page.waitForLoadState('networkidle');
  const before = chunks.length;
  await page.locator('.idk-row-title').first().click();
  await page.locator('[data-page="detail"]').waitFor();
  assert.equal(chunks.length, before, `no chunk fetched again:\n${chunks.join('\n')}`);
  await page.close();
});

test('the form and the detail opened directly load their chunks; a chunk that fails to load is an error with a retry, not a dead app', async () => {
  const page = await newPage(browser());
  await page.goto(`${BASE}/new`);
  await page.locator('[data-page="new"]').waitFor();

  // The form's chunk fails (a flaky network): the page says so and offers a retry.
  const failing = await newPage(browser());
  let refused = 0;
  await failing.route(FORM_CHUNK, (route) => { refused += 1; return route.abort('failed'); });
  await failing.goto(`${BASE}/new`);
  const alert = failing.locator('[data-page="load-failed"] [role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /불러오지 못했습니다/);
  assert.ok(refused >= 1);
  // The app is alive: the retry loads the form.
  await failing.unroute(FORM_CHUNK);
  await alert.getByRole('button', { name: '다시 시도' }).click();
  await failing.locator('[data-page="new"]').waitFor();
  await failing.close();

  const detail = await newPage(browser());
  await detail.goto(`${BASE}/`);
  const href = await detail.locator('.idk-row-title').first().getAttribute('href');
  await detail.goto(`${BASE}${href}`);
  await detail.locator('[data-page="detail"]').waitFor();
  await detail.close();
  await page.close();
});
