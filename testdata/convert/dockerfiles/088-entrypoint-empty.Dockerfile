FROM node:20
ENTRYPOINT []
CMD ["node"]
