-- wrk script for bench/growth.py: a different search on every request (what the page
-- cache cannot help): three words of the filler's text, a new combination each time
-- (30 × 30 × 30 = 27,000 before one repeats).
local words = {"dai", "hoi", "cong", "doan", "lao", "dong", "nguoi", "ban", "chap", "hanh",
  "nhiem", "ky", "thi", "dua", "doi", "thoai", "phuc", "loi", "doan", "vien", "huyen",
  "tinh", "nghi", "quyet", "kiem", "tra", "giam", "sat", "tai", "chinh"}
local n = 0

function request()
  n = n + 1
  local k = #words
  local a = words[n % k + 1]
  local b = words[math.floor(n / k) % k + 1]
  local c = words[math.floor(n / (k * k)) % k + 1]
  return wrk.format("GET", "/tim-kiem/?q=" .. a .. "+" .. b .. "+" .. c)
end
