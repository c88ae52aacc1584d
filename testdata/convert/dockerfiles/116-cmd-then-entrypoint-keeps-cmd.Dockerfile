FROM node:20
CMD ["index.js"]
ENTRYPOINT ["node"]
