function attack_timeout_burst()
  while true do end
end
