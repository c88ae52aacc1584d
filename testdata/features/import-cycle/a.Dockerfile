FROM ./b.Dockerfile#base
