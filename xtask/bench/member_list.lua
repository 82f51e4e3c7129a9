-- A member's list, first page of a one-year period (the SPA's largest preset).
-- args: startDt endDt
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function request()
  local path = "/api/order/v1/customerservice/getQuestion?startDt=" .. start_dt
    .. "&endDt=" .. end_dt .. "&pageNo=1&pageSize=10"
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. member_token(),
    ["Accept-Encoding"] = "br, gzip" })
end
