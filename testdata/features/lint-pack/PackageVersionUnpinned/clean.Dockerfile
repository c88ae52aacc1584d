FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir -r requirements.txt .
RUN npm install && npm ci
RUN gem install -v 7.1.0 rails
