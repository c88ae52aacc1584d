INCLUDE d2.Dockerfile
INCLUDE d2.Dockerfile
