INCLUDE d8.Dockerfile
INCLUDE d8.Dockerfile
