# A --platform whose expansion fails: undeclared ARGs reported, then the error.
FROM --platform=${PLAT:?unset} alpine:3.19
