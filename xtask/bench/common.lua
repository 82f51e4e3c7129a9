-- Shared by the wrk scenarios of `cargo xtask bench`: spread requests over the bench members
-- (tokens bench-member-1 … bench-member-1000 from `inquiry-server --seed bench`) and print one
-- machine-readable line that xtask parses.

members = 1000

function seed_random()
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

-- The default for scenarios whose args are a period: startDt endDt.
function init(args)
  start_dt, end_dt = args[1], args[2]
  seed_random()
end

function member_token()
  return "bench-member-" .. math.random(members)
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), errors))
end
