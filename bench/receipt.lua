-- wrk: each request a stock receipt with an Idempotency-Key of its own, as a keeper's phone sends it.
-- Set by throughput.sh: BENCH_TOKEN, BENCH_PATH, BENCH_RUN, and BENCH_ITEMS: one item id (every
-- receipt on one balance row, the hot-row case) or several, comma-separated, taken in turn.
local counter = 0
local threads = 0
local items = {}

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  for item in string.gmatch(os.getenv("BENCH_ITEMS"), "[^,]+") do
    items[#items + 1] = item
  end
  wrk.method = "POST"
  wrk.path = os.getenv("BENCH_PATH")
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = string.format("bench-%s-%d-%d", os.getenv("BENCH_RUN"), id, counter)
  local item = items[(counter * 7 + id * 31) % #items + 1]
  return wrk.format(nil, nil, nil, '{"itemId":"' .. item .. '","quantity":1}')
end
