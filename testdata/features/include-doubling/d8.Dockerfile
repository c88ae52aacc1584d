INCLUDE d9.Dockerfile
INCLUDE d9.Dockerfile
