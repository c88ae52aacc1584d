FROM alpine:3.19
LABEL description="ünïcødé ✓"
RUN echo "héllo wörld"
