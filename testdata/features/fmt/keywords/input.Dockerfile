from alpine:3.19 as build
  Run echo hello
workdir /app
	copy . .
from build As final
Cmd echo done
