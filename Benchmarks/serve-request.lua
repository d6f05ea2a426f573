-- wrk script for Benchmarks/serve-load.sh: POSTs a JSON body to the path given, with the key.
-- MODE=screen: /v1/screen with one name; MODE=match: yente /match with one query;
-- MODE=batch: /match with 100 queries. Names rotate over listed and unlisted ones.
local names = {
  "Hikvision", "Huawei Technologies Co., Ltd.", "Acme Widgets Ltd", "Banco Nacional de Cuba",
  "Zhejiang Dahua Technology", "Nordic Timber Trading AB", "Rosneft", "Sberbank of Russia",
  "Golden Mountain Trading Company", "Mohammad Rahimi", "DJI", "Panama Shipping Services S.A.",
}
local mode = os.getenv("MODE") or "screen"
local key = os.getenv("KEY")
local counter = 0

local function query(name)
  return '{"schema": "Company", "properties": {"name": ["' .. name .. '"]}}'
end

request = function()
  counter = counter + 1
  local name = names[(counter % #names) + 1]
  local path, body
  if mode == "screen" then
    path, body = "/v1/screen", '{"names": ["' .. name .. '"], "on": "2023-06-01"}'
  elseif mode == "match" then
    path, body = "/match/default?as_of=2023-06-01", '{"queries": {"q": ' .. query(name) .. '}}'
  else
    local parts = {}
    for i = 1, 100 do parts[i] = '"q' .. i .. '": ' .. query(names[((counter + i) % #names) + 1]) end
    path, body = "/match/default?as_of=2023-06-01", '{"queries": {' .. table.concat(parts, ", ") .. '}}'
  end
  return wrk.format("POST", path, {["Authorization"] = "ApiKey " .. key, ["Content-Type"] = "application/json"}, body)
end
