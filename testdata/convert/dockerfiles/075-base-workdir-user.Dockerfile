FROM node:20
RUN npm ci
COPY . .
CMD ["node", "index.js"]
