-- The back office's queue: every member's inquiries of one status over a year, 20 a page.
-- args: startDt endDt
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local statuses = { "10", "20", "30" }

function request()
  local path = "/api/bo/v1/customerservice/getQuestionList?startDt=" .. start_dt
    .. "&endDt=" .. end_dt .. "&ccnStatCd=" .. statuses[math.random(#statuses)]
    .. "&pageNo=1&pageSize=20"
  return wrk.format("GET", path, { ["Authorization"] = "Bearer demo-counselor",
    ["Accept-Encoding"] = "br, gzip" })
end
