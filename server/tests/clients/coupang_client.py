"""Drives the seller API with a published Coupang client: `coupang` 1.4.2 from PyPI
(github.com/kyungdongseo/coupang), unchanged — its own CEA signer, its own request headers, its
own response parsing (it decodes with the charset of `Content-Type`).

The library always calls https://api-gateway.coupang.com; the only thing this script changes
is where that name goes (as a hosts entry would): `urlopen` is wrapped to send the same request
to the test server over http. Everything the library builds — path, query, body, headers,
signature — is sent as it built it.

usage: coupang_client.py BASE_URL ACCESS_KEY SECRET_KEY COMMAND ARGS_JSON
  list4   {"vendorId", ...query}          coupang.cs.get_inquiry_by_query (v4)
  list5   {"vendorId", ...query}          the library's @coupang request on the v5 path
  reply   {"vendorId", "inquiryId", "content", "replyBy", "parentAnswerId"}  update_inquiry
  confirm {"vendorId", "inquiryId", "confirmBy"}                             confirm_inquiry
Prints the library's return value as JSON (`null` when the library gave up), and on stderr
how many HTTP requests it sent.
"""

import json
import os
import sys
import tempfile
import urllib.parse
import urllib.request

base, access, secret, command, args = sys.argv[1:6]
args = json.loads(args)

# The library reads coupang.ini from the working directory when it is imported, and signs with
# the UTC time (it sets TZ=GMT+0 but never calls tzset, so the process must start in UTC).
os.environ["TZ"] = "UTC"
work = tempfile.mkdtemp()
with open(os.path.join(work, "coupang.ini"), "w") as f:
    f.write(f"[DEFAULT]\nACCESSKEY={access}\nSECRETKEY={secret}\n")
os.chdir(work)

GATEWAY = "https://api-gateway.coupang.com"
sent = []
_urlopen = urllib.request.urlopen


def redirected(req, data=None, context=None, **kw):
    url = req.full_url
    assert url.startswith(GATEWAY), url
    req.full_url = base + url[len(GATEWAY):]
    sent.append(req.get_method() + " " + req.full_url)
    return _urlopen(req, data, **kw)


urllib.request.urlopen = redirected

from coupang import cs  # noqa: E402  (after coupang.ini exists)
from coupang.common import coupang  # noqa: E402


@coupang
def list_v5(query):
    return {
        "method": "GET",
        "path": f"/v2/providers/openapi/apis/api/v5/vendors/{query.get('vendorId')}/callCenterInquiries",
        "query": urllib.parse.urlencode(query),
    }


if command == "list4":
    result = cs.get_inquiry_by_query(args)
elif command == "list5":
    result = list_v5(args)
elif command == "reply":
    result = cs.update_inquiry(args)
elif command == "confirm":
    path = {"vendorId": args["vendorId"], "inquiryId": args["inquiryId"]}
    result = cs.confirm_inquiry(path, {"confirmBy": args["confirmBy"]})
else:
    sys.exit(f"unknown command {command}")

print(json.dumps(result, ensure_ascii=False))
print(f"requests sent: {len(sent)}", file=sys.stderr)
for s in sent:
    print(s, file=sys.stderr)
