INCLUDE d17.Dockerfile
INCLUDE d17.Dockerfile
