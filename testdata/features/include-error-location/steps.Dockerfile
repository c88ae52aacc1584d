# Build steps.
RUN echo two

COPY --frm=x a b
