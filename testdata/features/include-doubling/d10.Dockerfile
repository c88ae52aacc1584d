INCLUDE d11.Dockerfile
INCLUDE d11.Dockerfile
