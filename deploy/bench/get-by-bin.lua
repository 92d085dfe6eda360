-- wrk script: GET /api/v1/institutions/{bin} for random BINs of the seeded set, with a real bearer token.
-- Env: BINS_FILE (one BIN per line), TOKEN (access token).
local bins = {}
local token

function init(args)
  for line in io.lines(os.getenv("BINS_FILE")) do
    bins[#bins + 1] = line
  end
  token = os.getenv("TOKEN")
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
end

function request()
  local bin = bins[math.random(#bins)]
  return wrk.format("GET", "/api/v1/institutions/" .. bin, { ["Authorization"] = "Bearer " .. token })
end

local errors = 0
function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
  end
end
