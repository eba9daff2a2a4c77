function attack_timeout_each_second()
  while true do end
end
