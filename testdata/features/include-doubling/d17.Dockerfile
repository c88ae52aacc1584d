INCLUDE d18.Dockerfile
INCLUDE d18.Dockerfile
