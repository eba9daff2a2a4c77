function attack_array_bomb()
  bomb = bomb or {}
  while true do
    local t = {}
    for i = 1, 1000 do t[i] = i end
    bomb[#bomb + 1] = t
  end
end
