FROM python:3.12
RUN pip install --no-cache-dir flask==3.0.3
RUN python3 -m pip install --no-cache-dir requests==2.32.3
