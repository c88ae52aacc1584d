INCLUDE d16.Dockerfile
INCLUDE d16.Dockerfile
