// The example storefront shell: mounts inquiry-desk under /shell/{locale}/mypage/inquiry with a
// token provider, and listens to what the app tells it. Plain JS, no build step — what a
// storefront team would write around the few lines in docs/embedding.md.

const LOCALES = ["ko", "en", "zh-TW"];
const LOCALE_NAMES = { ko: "한국어", en: "English", "zh-TW": "繁體中文" };
const T = {
  ko: {
    skip: "본문으로 건너뛰기", shopNav: "쇼핑", navNew: "신상품", navBest: "베스트", navSale: "세일",
    login: "로그인", logout: "로그아웃", language: "언어", mypage: "마이페이지", home: "홈",
    breadcrumb: "현재 위치", inquiry: "1:1 문의", orders: "주문/배송 조회", claims: "취소/반품/교환",
    qna: "상품 Q&A", profile: "회원정보 수정", placeholderTitle: "준비 중입니다",
    placeholderBody: "이 데모 상점에서는 1:1 문의만 동작합니다.", eventLog: "앱이 보낸 이벤트",
    footer: "inquiry-desk 예시 상점 화면 (데모)", loginTitle: "로그인", chooseMember: "데모 회원을 고르세요",
    member1: "데모회원1", member2: "데모회원2", member3: "데모회원3", cancel: "취소",
    hello: (n) => `${n}님`, loggedOut: "로그인하면 문의 내역을 볼 수 있습니다.",
    expired: "로그인이 만료되었습니다. 다시 로그인해 주세요. 작성 중이던 내용은 그대로 있습니다.",
    notBuilt: "앱이 아직 빌드되지 않았습니다: cargo xtask serve 로 실행하세요.",
    newInquiry: "문의하기", editInquiry: "문의 수정", detail: (n) => `문의 ${n}`,
    created: (n) => `문의 ${n}이(가) 등록되었습니다.`, updated: (n) => `문의 ${n}이(가) 수정되었습니다.`,
    deleted: (n) => `문의 ${n}이(가) 삭제되었습니다.`, shop: "하루마켓",
  },
  en: {
    skip: "Skip to content", shopNav: "Shop", navNew: "New in", navBest: "Best sellers", navSale: "Sale",
    login: "Log in", logout: "Log out", language: "Language", mypage: "My page", home: "Home",
    breadcrumb: "You are here", inquiry: "1:1 Inquiries", orders: "Orders & delivery", claims: "Cancel / return / exchange",
    qna: "Product Q&A", profile: "Account details", placeholderTitle: "Coming soon",
    placeholderBody: "In this demo store only 1:1 Inquiries work.", eventLog: "Events from the app",
    footer: "example storefront for inquiry-desk (demo)", loginTitle: "Log in", chooseMember: "Choose a demo member",
    member1: "Demo member 1", member2: "Demo member 2", member3: "Demo member 3", cancel: "Cancel",
    hello: (n) => n, loggedOut: "Log in to see your inquiries.",
    expired: "Your session has expired. Please log in again; what you were writing is kept.",
    notBuilt: "The app is not built yet: start it with cargo xtask serve.",
    newInquiry: "New inquiry", editInquiry: "Edit inquiry", detail: (n) => `Inquiry ${n}`,
    created: (n) => `Inquiry ${n} was submitted.`, updated: (n) => `Inquiry ${n} was updated.`,
    deleted: (n) => `Inquiry ${n} was deleted.`, shop: "Haru Market",
  },
  "zh-TW": {
    skip: "跳到主要內容", shopNav: "購物", navNew: "新品", navBest: "熱銷", navSale: "特價",
    login: "登入", logout: "登出", language: "語言", mypage: "我的頁面", home: "首頁",
    breadcrumb: "目前位置", inquiry: "一對一客服諮詢", orders: "訂單／配送查詢", claims: "取消／退貨／換貨",
    qna: "商品問答", profile: "修改會員資料", placeholderTitle: "準備中",
    placeholderBody: "此示範商店只有一對一客服諮詢可以使用。", eventLog: "應用程式送出的事件",
    footer: "inquiry-desk 示範商店頁面", loginTitle: "登入", chooseMember: "請選擇示範會員",
    member1: "示範會員 1", member2: "示範會員 2", member3: "示範會員 3", cancel: "取消",
    hello: (n) => `${n} 您好`, loggedOut: "登入後即可查看諮詢紀錄。",
    expired: "登入已逾時，請重新登入。您填寫的內容仍會保留。",
    notBuilt: "應用程式尚未建置：請以 cargo xtask serve 啟動。",
    newInquiry: "我要諮詢", editInquiry: "修改諮詢", detail: (n) => `諮詢 ${n}`,
    created: (n) => `已送出諮詢 ${n}。`, updated: (n) => `已修改諮詢 ${n}。`,
    deleted: (n) => `已刪除諮詢 ${n}。`, shop: "哈魯市集",
  },
};
const MEMBERS = { "demo-member-1": "member1", "demo-member-2": "member2", "demo-member-3": "member3" };
const MENU = [
  ["orders", "orders"], ["claims", "claims"], ["inquiry", "inquiry"], ["qna", "qna"], ["profile", "profile"],
];

const segments = location.pathname.split("/"); // ["", "shell", locale, "mypage", ...]
const locale = LOCALES.includes(segments[2]) ? segments[2] : "ko";
const t = T[locale];
const shellBase = `/shell/${locale}`;
const basePath = `${shellBase}/mypage/inquiry`;
const $ = (id) => document.getElementById(id);

// --- session (a real storefront has its own; this one lives in sessionStorage) -----------------
const SESSION_KEY = "shell.session";
function session() {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (raw === null) return "demo-member-1"; // first visit: logged in, so the demo just works
  return raw === "" ? null : raw;
}
function setSession(token) {
  jwt = null;
  sessionStorage.setItem(SESSION_KEY, token ?? "");
}
// The token provider the app calls before every request: a JWT from the demo's login
// (POST /demo/token, signed by a key the server publishes at /demo/jwks.json), kept until a
// minute before it expires and then fetched again — what a storefront does with its own login.
let jwt = null; // { account, token, refreshAt }
async function tokenProvider() {
  const account = session();
  if (account === null) return null;
  if (jwt && jwt.account === account && Date.now() < jwt.refreshAt) return jwt.token;
  const r = await fetch("/demo/token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ account }),
  });
  if (!r.ok) return account; // demo login off: the demo's opaque token, as before
  const { payload } = await r.json();
  jwt = { account, token: payload.token, refreshAt: Date.now() + (payload.expiresIn - 60) * 1000 };
  return jwt.token;
}

// --- chrome ---------------------------------------------------------------------------------
function renderChrome() {
  document.documentElement.lang = locale;
  for (const el of document.querySelectorAll("[data-t]")) {
    const v = t[el.dataset.t];
    if (typeof v === "string") el.textContent = v;
  }
  for (const el of document.querySelectorAll("[data-t-label]")) {
    el.setAttribute("aria-label", t[el.dataset.tLabel]);
  }
  const rest = location.pathname.split("/").slice(3).join("/");
  $("shell-langs").replaceChildren(
    ...LOCALES.map((l) => {
      const a = document.createElement("a");
      a.href = `/shell/${l}/${rest}${location.search}`;
      a.textContent = LOCALE_NAMES[l];
      a.lang = l;
      a.hreflang = l;
      if (l === locale) a.setAttribute("aria-current", "true");
      return a;
    }),
  );
  $("shell-menu").replaceChildren(
    ...MENU.map(([key, path]) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = `${shellBase}/mypage/${path}`;
      a.textContent = t[key];
      if (location.pathname.startsWith(`${shellBase}/mypage/${path}`)) a.setAttribute("aria-current", "page");
      li.append(a);
      return li;
    }),
  );
  $("shell-crumb-app-link").href = basePath;
  const token = session();
  $("shell-user").textContent = token ? t.hello(t[MEMBERS[token]] ?? token) : "";
  $("shell-login").hidden = !!token;
  $("shell-logout").hidden = !token;
}

function notice(text) {
  $("shell-notice").textContent = text ?? "";
  $("shell-notice").hidden = !text;
}

let toastTimer;
function toast(text) {
  $("shell-toast").textContent = text;
  $("shell-toast").classList.add("shell-toast-on");
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => $("shell-toast").classList.remove("shell-toast-on"), 4000);
}

function logEvent(e) {
  const li = document.createElement("li");
  const time = new Date().toLocaleTimeString(locale);
  const code = document.createElement("code");
  code.textContent = `${e.type} ${JSON.stringify(e.detail)}`;
  li.append(`${time} `, code);
  $("shell-log").prepend(li);
  while ($("shell-log").children.length > 20) $("shell-log").lastElementChild.remove();
}

function crumbFor(path) {
  if (path === "/" || path === "") return null;
  if (path === "/new") return t.newInquiry;
  const m = path.match(/^\/(\d+)(\/edit)?$/);
  if (m) return m[2] ? t.editInquiry : t.detail(m[1]);
  return null;
}

// --- the app ----------------------------------------------------------------------------------
const host = $("inquiry-host");
let app = null;
let ready = false;

function mountApp() {
  if (app || !ready) return;
  notice(null);
  app = window.inquiryDesk.mount(host, { apiBase: "", basePath, locale, token: tokenProvider });
}

function unmountApp() {
  app?.unmount();
  app = null;
}

host.addEventListener("inquiry-desk:route-changed", (e) => {
  logEvent(e);
  const here = crumbFor(e.detail.path);
  $("shell-crumb-here").hidden = !here;
  $("shell-crumb-here").textContent = here ?? "";
  document.title = `${here ?? t.inquiry} · ${t.shop}`;
});
for (const kind of ["created", "updated", "deleted"]) {
  host.addEventListener(`inquiry-desk:${kind}`, (e) => {
    logEvent(e);
    toast(t[kind](e.detail.ccnNo));
  });
}
host.addEventListener("inquiry-desk:auth-required", (e) => {
  logEvent(e);
  openLogin(t.expired);
});

// --- login ------------------------------------------------------------------------------------
const dialog = $("shell-login-dialog");
let returnFocus = null;
function openLogin(reason) {
  $("shell-login-reason").textContent = reason ?? "";
  $("shell-login-reason").hidden = !reason;
  returnFocus = document.activeElement;
  if (!dialog.open) dialog.showModal();
}
dialog.addEventListener("close", () => {
  if (dialog.returnValue === "login") {
    const chosen = new FormData($("shell-login-form")).get("member");
    setSession(chosen);
    renderChrome();
    if (onInquiryPage()) mountApp(); // an already mounted app simply asks the provider again
  }
  dialog.returnValue = "";
  returnFocus?.focus?.();
});
$("shell-login").addEventListener("click", () => openLogin());
$("shell-logout").addEventListener("click", () => {
  setSession(null);
  unmountApp();
  renderChrome();
  if (onInquiryPage()) notice(t.loggedOut);
  $("shell-login").focus();
});

function onInquiryPage() {
  return location.pathname === basePath || location.pathname.startsWith(`${basePath}/`);
}

// --- start --------------------------------------------------------------------------------------
renderChrome();
if (!onInquiryPage()) {
  $("shell-placeholder").hidden = false;
  $("shell-crumb-app").hidden = true;
} else {
  try {
    // The few lines of docs/embedding.md: import the module, init it, mount.
    const module = await import("/inquiry-desk.js");
    // The first screen's reads travel while the wasm downloads (the app adopts them).
    if (session()) module.prefetch({ apiBase: "", basePath, token: tokenProvider });
    await module.default();
    window.inquiryDesk = module;
    ready = true;
    if (session()) mountApp();
    else notice(t.loggedOut);
  } catch (err) {
    console.error(err);
    notice(t.notBuilt);
  }
}
