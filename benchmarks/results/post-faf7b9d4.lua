wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local bodies = {
  [==[{"query":"query Books { books(limit: 100) { id title price pageCount publishedYear isAvailable tags rating author { id name country } reviews { id stars reviewerName } } }"}]==],
}
local i = 0
request = function()
  i = (i % #bodies) + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
