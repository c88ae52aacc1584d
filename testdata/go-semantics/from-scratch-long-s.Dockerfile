# a base named with a long s is not scratch (strings.EqualFold for named contexts, == for scratch)
FROM ſcratch
