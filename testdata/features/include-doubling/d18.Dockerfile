INCLUDE d19.Dockerfile
INCLUDE d19.Dockerfile
