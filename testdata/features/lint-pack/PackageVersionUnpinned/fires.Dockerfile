FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl git=1:2.39.5-0+deb12u1 \
    ./local.deb && rm -rf /var/lib/apt/lists/*
RUN apk add --no-cache --virtual .deps bash make=4.4-r0
RUN pip install --no-cache-dir -r requirements.txt flask requests==2.32.3 'django>=5'
RUN npm install -g typescript @types/node@20 left-pad
RUN gem install rails:7.1.0 rake
