INCLUDE d13.Dockerfile
INCLUDE d13.Dockerfile
