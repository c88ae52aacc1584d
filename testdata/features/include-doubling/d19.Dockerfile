INCLUDE d20.Dockerfile
INCLUDE d20.Dockerfile
