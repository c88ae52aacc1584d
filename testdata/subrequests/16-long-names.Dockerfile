# a_very_long_stage_name_for_alignment checks the table widths
FROM alpine:3.19 AS a_very_long_stage_name_for_alignment
# A_VERY_LONG_BUILD_ARGUMENT_NAME_FOR_ALIGNMENT long name
ARG A_VERY_LONG_BUILD_ARGUMENT_NAME_FOR_ALIGNMENT=short
# S short name
ARG S=a-rather-long-default-value-to-stretch-the-value-column
RUN --mount=type=secret,id=a_really_long_secret_identifier_here,required ls
RUN --mount=type=secret,id=s ls

# x short
FROM a_very_long_stage_name_for_alignment AS x
