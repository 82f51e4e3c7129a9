-- Registering an inquiry (multipart, no photo) as a random bench member.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local boundary = "----inquiry-desk-bench"

local function part(name, value)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n"
    .. value .. "\r\n"
end

local body = part("cnslTypNo", "1010") .. part("ccnTitle", "배송 일정 문의드립니다")
  .. part("accpCont", "주문한 상품이 언제 출발하는지 알고 싶습니다. 부재 시 문 앞에 놓아 주세요.")
  .. part("smsRcvYn", "N") .. part("emailRcvYn", "N") .. "--" .. boundary .. "--\r\n"

function request()
  return wrk.format("POST", "/api/order/v1/customerservice/questionSave", {
    ["Authorization"] = "Bearer " .. member_token(),
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
  }, body)
end
