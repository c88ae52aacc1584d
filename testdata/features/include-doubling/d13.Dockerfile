INCLUDE d14.Dockerfile
INCLUDE d14.Dockerfile
