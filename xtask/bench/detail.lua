-- One inquiry's detail, as its owner. args: a Lua file defining `targets = { {token, ccnNo}, … }`
-- (written by bench.mjs prepare from the API).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function init(args)
  dofile(args[1])
  seed_random()
end

function request()
  local t = targets[math.random(#targets)]
  return wrk.format("GET", "/api/order/v1/customerservice/getQuestionDtl?ccnNo=" .. t[2],
    { ["Authorization"] = "Bearer " .. t[1], ["Accept-Encoding"] = "br, gzip" })
end
