INCLUDE d7.Dockerfile
INCLUDE d7.Dockerfile
