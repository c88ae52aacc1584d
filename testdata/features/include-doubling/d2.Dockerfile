INCLUDE d3.Dockerfile
INCLUDE d3.Dockerfile
