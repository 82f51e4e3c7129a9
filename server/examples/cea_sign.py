#!/usr/bin/env python3
"""Prints a Coupang-style CEA Authorization header for one seller API request.

    python3 cea_sign.py METHOD PATH QUERY ACCESS_KEY SECRET_KEY

QUERY is the query string exactly as sent, without '?', or '' for none. Written the way
Coupang's own Python sample signs (hmac + hashlib, GMT date): no server code involved.
"""
import hashlib
import hmac
import sys
import time

method, path, query, access_key, secret_key = sys.argv[1:6]
signed_date = time.strftime('%y%m%dT%H%M%SZ', time.gmtime())
message = signed_date + method + path + query
signature = hmac.new(secret_key.encode('utf-8'), message.encode('utf-8'), hashlib.sha256).hexdigest()
print('CEA algorithm=HmacSHA256, access-key=%s, signed-date=%s, signature=%s'
      % (access_key, signed_date, signature))
