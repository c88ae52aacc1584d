INCLUDE d5.Dockerfile
INCLUDE d5.Dockerfile
