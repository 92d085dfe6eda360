-- wrk script: GET a random path of PATHS_FILE (one path with query a line) with a real bearer token.
-- Env: PATHS_FILE, TOKEN.
local paths = {}
local token

function init(args)
  for line in io.lines(os.getenv("PATHS_FILE")) do
    paths[#paths + 1] = line
  end
  token = os.getenv("TOKEN")
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], { ["Authorization"] = "Bearer " .. token })
end
