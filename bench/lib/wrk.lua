-- wrk script of `npm run bench` (bench/lib/wrk.ts): sends the scenario's prepared requests in order, each
-- thread from its own place in the list, and prints one line of JSON when the run ends.
-- Arguments: the file of raw HTTP requests separated by NUL bytes, and the number of threads.

local counter = 0
local threads = {}

function setup(thread)
  thread:set("slot", counter)
  counter = counter + 1
  threads[#threads + 1] = thread
end

local requests = {}
local at = 0

function init(args)
  local f = assert(io.open(args[1], "rb"))
  local data = f:read("*a")
  f:close()
  for r in string.gmatch(data, "([^%z]+)") do
    requests[#requests + 1] = r
  end
  -- `slot` is set by setup() for this thread: threads start at evenly spaced places.
  at = math.floor(#requests * slot / tonumber(args[2]))
end

function request()
  at = at + 1
  if at > #requests then at = 1 end
  return requests[at]
end

-- Answers by status code, per thread (read by done() in the main state).
statuses = {}

function response(status)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, _)
  local totals = {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("statuses")) do
      totals[code] = (totals[code] or 0) + n
    end
  end
  local counts = {}
  for code, n in pairs(totals) do
    counts[#counts + 1] = string.format('"%s":%d', code, n)
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"durationUs":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,' ..
      '"p50Us":%d,"p99Us":%d,"maxUs":%d,"meanUs":%d,"statuses":{%s}}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max, latency.mean, table.concat(counts, ",")))
end
