FROM python:3.12
# check=skip=PipNoCacheDir
RUN pip install flask==3.0.3
