FROM node:20
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
CMD echo "$HOME"
