INCLUDE d12.Dockerfile
INCLUDE d12.Dockerfile
