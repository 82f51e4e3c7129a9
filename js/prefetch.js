// inquiry-desk: start the first screen's reads while the wasm downloads.
//
// The app's first screen needs `getQuestionInit` and, on the list route, the first page of the
// list; without this they would start only once the wasm has downloaded, compiled and mounted.
// `prefetch(options)` starts them at once and leaves each response in
// `globalThis.__inquiryDeskPrefetch` (keyed by absolute URL, with the credentials sent and the
// time); the app adopts a response only for the identical request and takes it out, so nothing
// is fetched twice and nothing is adopted twice (src/api/prefetch.rs).
//
// The list request here must equal the one the app builds for a list URL without a query:
// the default period (3 months up to today, in the store's time zone, Asia/Seoul until
// getQuestionInit has said otherwise), page 1, 10 rows. If the two ever differ the app simply
// fetches again; the browser test `first load: one request per read` fails when they do.
//
// Used twice by `cargo xtask build`: inlined into the built index.html (`prefetchAll()` for the
// `[data-inquiry-desk]` elements), and exported by the stable entry `inquiry-desk.js`.

const CS = "/api/order/v1/customerservice";
const STORE_TIME_ZONE = "Asia/Seoul";
const PAGE_SIZE = 10;
const DEFAULT_MONTHS = 3;

const pad = (n) => String(n).padStart(2, "0");

/** Today in `timeZone` as [year, month (1-12), day]. */
function today(timeZone) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit",
  }).formatToParts(new Date());
  const get = (t) => Number(parts.find((p) => p.type === t).value);
  return [get("year"), get("month"), get("day")];
}

/** `months` before [y, m, d], clamped at month ends (as chrono's `checked_sub_months`). */
function monthsBefore([y, m, d], months) {
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return [year, month, Math.min(d, last)];
}

const iso = ([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`;

function normalizeBasePath(raw) {
  const trimmed = String(raw || "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}` : "";
}

/** The app's route for the current location, or null when it is outside `basePath`. */
function route(basePath) {
  const path = location.pathname;
  if (!basePath) return path;
  if (path === basePath) return "/";
  return path.startsWith(basePath + "/") ? path.slice(basePath.length) : null;
}

/**
 * Starts the first screen's reads for an app about to be mounted with these options: the
 * `apiBase`, `basePath`, `token` (a string, or the same function `mount` gets) and
 * `credentials` of `mount(element, options)`. Returns how many requests it started (a Promise
 * of that when `token` is a function: they start once it has answered).
 */
export function prefetch(options = {}) {
  if (typeof options.token === "function") {
    return Promise.resolve()
      .then(() => options.token())
      .then((token) => prefetch({ ...options, token }), () => 0);
  }
  const registry = (globalThis.__inquiryDeskPrefetch ||= {});
  const apiBase = String(options.apiBase || "").trim().replace(/\/+$/, "");
  const cookies = options.credentials === "include";
  const token = typeof options.token === "string" ? options.token.trim() : "";
  if (!cookies && !token) return 0; // logged out: the app will say so
  const headers = cookies ? { "X-Requested-With": "inquiry-desk" } : { Authorization: `Bearer ${token}` };
  const credentials = cookies ? "cookies" : headers.Authorization;
  const start = (url) => {
    const key = new URL(url, location.href).href;
    const response = fetch(key, {
      headers, credentials: cookies ? "include" : "same-origin",
    });
    response.catch(() => {}); // unadopted failures are not the page's errors
    registry[key] = { response, credentials, at: Date.now() };
    return 1;
  };
  let started = start(`${apiBase}${CS}/getQuestionInit`);
  // Only the list without a query: any filter in the URL is the app's to read.
  if (route(normalizeBasePath(options.basePath)) === "/" && !location.search) {
    const end = today(STORE_TIME_ZONE);
    const query = new URLSearchParams([
      ["startDt", iso(monthsBefore(end, DEFAULT_MONTHS))],
      ["endDt", iso(end)],
      ["pageNo", "1"],
      ["pageSize", String(PAGE_SIZE)],
    ]);
    started += start(`${apiBase}${CS}/getQuestion?${query}`);
  }
  return started;
}

/** `prefetch` for every `[data-inquiry-desk]` element not mounted yet, from its `data-*`. */
export function prefetchAll(root = document) {
  let started = 0;
  for (const el of root.querySelectorAll("[data-inquiry-desk]:not([data-inquiry-desk-mounted])")) {
    started += prefetch({
      apiBase: el.dataset.apiBase,
      basePath: el.dataset.basePath,
      token: el.dataset.token,
      credentials: el.dataset.credentials,
    });
  }
  return started;
}
