// Writes the wrk detail scenario's targets for a seeded bench server:
//   node targets.mjs BASE_URL TARGETS_LUA
// (token, ccnNo) pairs of the first 50 bench members' newest 30 inquiries, read from the API.

import { writeFileSync } from "node:fs";

const [base, targetsLua] = process.argv.slice(2);
const today = new Date(Date.now() + 9 * 3600e3).toISOString().slice(0, 10);
const yearAgo = new Date(Date.now() + 9 * 3600e3 - 364 * 86400e3).toISOString().slice(0, 10);
const pairs = [];
for (let m = 1; m <= 50; m++) {
  const token = `bench-member-${m}`;
  const url = `${base}/api/order/v1/customerservice/getQuestion?startDt=${yearAgo}&endDt=${today}&pageSize=30`;
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  for (const r of (await res.json()).payload.content) pairs.push(`{"${token}","${r.ccnNo}"}`);
}
writeFileSync(targetsLua, `targets = {\n${pairs.join(",\n")}\n}\n`);
