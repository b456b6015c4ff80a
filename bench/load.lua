-- wrk script for bench/load.py: random reader pages, a share of visitors without cookies.
-- wrk stores no cookies, so every request sent without the "uv" cookie is a new visitor;
-- the others carry one of the returning visitors' cookies made by load.py's warm-up.
local paths, cookies = {}, {}
local new_fraction = tonumber(os.getenv("NEW_FRACTION") or "0.3")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  for line in io.lines(args[2]) do cookies[#cookies + 1] = line end
  math.randomseed(os.time() * 100 + id)
end

function request()
  local path = paths[math.random(#paths)]
  local headers = { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" }
  if math.random() >= new_fraction then
    headers["Cookie"] = "uv=" .. cookies[math.random(#cookies)]
  end
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d, "p50_ms": %.1f, "p90_ms": %.1f, "p99_ms": %.1f, "max_ms": %.1f}\n',
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
