INCLUDE d4.Dockerfile
INCLUDE d4.Dockerfile
