INCLUDE d6.Dockerfile
INCLUDE d6.Dockerfile
