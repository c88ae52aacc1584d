FROM python:3.12
RUN pip install --no-cache-dir flask==3.0.3
RUN --mount=type=cache,target=/root/.cache/pip pip install requests==2.32.3
ENV PIP_NO_CACHE_DIR=1
RUN pip install django==5.0
