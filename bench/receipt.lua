-- wrk: each request a stock receipt with an Idempotency-Key of its own, as a keeper's phone sends it.
-- Set by throughput.sh: BENCH_TOKEN, BENCH_PATH, BENCH_ITEM, BENCH_RUN.
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  wrk.method = "POST"
  wrk.path = os.getenv("BENCH_PATH")
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = '{"itemId":"' .. os.getenv("BENCH_ITEM") .. '","quantity":1}'
end

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = string.format("bench-%s-%d-%d", os.getenv("BENCH_RUN"), id, counter)
  return wrk.format()
end
