FROM busybox AS tools
RUN echo tool > /tool
FROM busybox
ARG TOOLS=tools
RUN --mount=from=$TOOLS,target=/t cat /t/tool
