FROM node:20
ENTRYPOINT node server.js
