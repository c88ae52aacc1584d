INCLUDE d10.Dockerfile
INCLUDE d10.Dockerfile
