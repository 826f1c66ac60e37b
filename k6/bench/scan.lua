-- wrk request script for scan-in/scan-out: every request a random citizen token (TOKENS_FILE, one per
-- line, the token on line i for subject PREFIX-(i-1)), a random venue code (CODES_FILE, one per line) and
-- a scanId never used before, which carries the token's line number (its 3rd and 4th groups), so that
-- the acknowledged scanIds written to ACK_DIR/ack-N.txt tell whose scan each was: the harness checks
-- afterwards that every acknowledged scan is in the store.
-- RATE (requests/s over all connections, optional) paces the requests for latency at a fixed load.
-- SWEEP=1 takes the tokens and the codes in turn instead of at random (the threads interleaved, THREADS of them),
-- so that one pass over the longer file uses every token and every code: what fills the caches to their maxima;
-- SWEEP_FROM (0) is where the turn starts, so that consecutive runs go on where the last one stopped.
-- For /warmup (SCAN_PATH=/warmup), which takes no body: NO_BODY=1 sends none, and BEARER=0 no token either (the bare
-- call), so that the no-ops are sent as the scans are.
-- At the end it prints the acknowledgements (ACK ...) and the latency's quantiles in microseconds (LATENCY_US ...),
-- p99.9 and the maximum among them, which wrk's own --latency table lacks.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  tokens, codes = {}, {}
  for line in io.lines(os.getenv("TOKENS_FILE")) do tokens[#tokens + 1] = line end
  for line in io.lines(os.getenv("CODES_FILE")) do codes[#codes + 1] = line end
  math.randomseed(os.time() + id * 7919)
  prefix = string.format("%08x", math.random(0, 0x7fffffff))
  path = os.getenv("SCAN_PATH") or "/scan-in"
  recorded, duplicate, failed = 0, 0, 0
  acks = io.open((os.getenv("ACK_DIR") or "/tmp") .. "/ack-" .. id .. ".txt", "a")
  local rate = tonumber(os.getenv("RATE") or "0")
  local connections = tonumber(os.getenv("CONNECTIONS") or "32")
  pause = rate > 0 and (connections * 1000 / rate) or 0
  sweep = os.getenv("SWEEP") == "1"
  bearer = os.getenv("BEARER") ~= "0"
  no_body = os.getenv("NO_BODY") == "1"
  stride = tonumber(os.getenv("THREADS") or "2")
  sweep_from = tonumber(os.getenv("SWEEP_FROM") or "0")
end

function delay()
  return pause
end

function request()
  counter = counter + 1
  local who = math.random(#tokens) - 1
  local code = codes[math.random(#codes)]
  if sweep then
    local turn = sweep_from + (counter - 1) * stride + (id - 1)
    who = turn % #tokens
    code = codes[turn % #codes + 1]
  end
  local scanId = string.format("%s-%04x-4%03x-8%03x-%012x", prefix, id, math.floor(who / 4096), who % 4096, counter)
  local body = '{"code":"' .. code .. '","scanId":"' .. scanId .. '"}'
  local headers = { ["Content-Type"] = "application/json" }
  if bearer then
    headers["Authorization"] = "Bearer " .. tokens[who + 1]
  end
  if no_body then
    return wrk.format("POST", path, headers)
  end
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  if status == 200 then
    if string.find(body, '"recorded"', 1, true) then
      recorded = recorded + 1
      acks:write(string.match(body, '"scanId":"([^"]+)"'), "\n")
    else
      duplicate = duplicate + 1
    end
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  -- the threads' files are flushed when their Lua states close; the harness reads them after wrk exits
  local r, d, f = 0, 0, 0
  for _, thread in ipairs(threads) do
    r = r + thread:get("recorded")
    d = d + thread:get("duplicate")
    f = f + thread:get("failed")
  end
  io.write(string.format("ACK recorded=%d duplicate=%d failed=%d\n", r, d, f))
  io.write(string.format("LATENCY_US p50=%d p99=%d p999=%d max=%d\n", latency:percentile(50),
    latency:percentile(99), latency:percentile(99.9), latency.max))
end
