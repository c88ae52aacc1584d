INCLUDE d15.Dockerfile
INCLUDE d15.Dockerfile
