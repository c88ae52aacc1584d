# Writes cases.json: the Dockerfiles fed to upstream by main.go. Cases named
# "upstream:" come from upstream's own unit tests (instructions/*_test.go).
import json

cases = []
def c(name, df, expand=False):
    d = {"name": name, "dockerfile": df}
    if expand: d["expand"] = True
    cases.append(d)

# upstream: TestCommandsExactlyOneArgument / AtLeastOneArgument / NoDestinationArgument
for cmd in ["MAINTAINER", "WORKDIR", "USER", "STOPSIGNAL"]:
    c(f"upstream: exactly one argument {cmd}", cmd)
for cmd in ["ENV", "LABEL", "ONBUILD", "HEALTHCHECK", "EXPOSE", "VOLUME"]:
    c(f"upstream: at least one argument {cmd}", cmd)
for cmd in ["ADD", "COPY"]:
    c(f"upstream: no destination {cmd}", cmd + " arg1")
# upstream: TestHealthCheckCmd, TestRunCmdFlagsUsed, TestErrorCases
c("upstream: healthcheck cmd", "FROM a\nHEALTHCHECK CMD hello world")
c("upstream: run flags used", "FROM a\nRUN --mount=type=tmpfs,target=/foo/ echo hello")
c("upstream: copyEmptyWhitespace", "COPY\t\n\t\tquux \\\n      bar")
c("upstream: ONBUILD forbidden FROM", "ONBUILD FROM scratch")
c("upstream: MAINTAINER unknown flag", "MAINTAINER --boo joe@example.com")
c("upstream: Chaining ONBUILD", "ONBUILD ONBUILD RUN touch foobar")
c("upstream: Invalid instruction FOO", "FOO bar")
c("upstream: Invalid instruction foo", "foo bar")
c("upstream: comments detection", """# foo sets foo
ARG foo=bar

# base defines first stage
FROM busybox AS base
# this is irrelevant
ARG foo
# bar defines bar
# baz is something else
ARG bar baz=123
""")
# upstream: parse_heredoc_test.go
c("upstream: COPY heredoc destination", "COPY /foo <<EOF\nEOF")
for i, df in enumerate([
    "COPY /foo /bar",
    "COPY <<EOF /bar\nEOF",
    "COPY <<EOF /bar\nTESTING\nEOF",
    "COPY <<-EOF /bar\n\tTESTING\nEOF",
    "COPY <<'EOF' /bar\nTESTING\nEOF",
    "COPY <<EOF1 <<EOF2 /bar\nthis is the first file\nEOF1\nthis is the second file\nEOF2",
    "COPY <<EOF foo.txt /bar\nthis is inline\nEOF",
    "COPY <<EOF /quotes\n\"quotes\"\nEOF",
]):
    c(f"upstream: copy heredoc {i}", "FROM a\n" + df)
for i, df in enumerate([
    'RUN ["ls", "/"]',
    'RUN ["<<EOF"]',
    "RUN ls /",
    "RUN <<EOF\nls /\nwhoami\nEOF",
    "RUN <<'EOF' | python\nprint(\"hello\")\nprint(\"world\")\nEOF",
    "RUN <<-EOF\n\techo test\nEOF",
]):
    c(f"upstream: run heredoc {i}", "FROM a\n" + df)

# FROM and stages
for df in ["FROM", "FROM a b", "FROM a AS b c", "FROM a AS 1bad", "FROM a AS b$c", "FROM a AS Foo_Bar.1-x",
           "FROM a to b", "FROM --platform=linux/arm64 a AS b", "FROM --platform a", "FROM --platfrom=x a",
           "FROM --platform=x --platform=y a", "from a as b", "FROM a as b", "from a AS b", "From a as B",
           "FROM --platform= a", "FROM a AS b\nFROM c AS B"]:
    c("from: " + df, df)
c("stages: instruction before FROM", "RUN x")
c("stages: meta args then instruction", "ARG a\nARG b=c d\nRUN x\nFROM e")
c("stages: error order, no stage first", "RUN x\nFOO y")
c("stages: error order, unknown instruction first", "FROM a\nFOO y\nRUN --bad x")
c("stages: meta args and stages", "ARG a=1 b\nFROM x AS one\nARG c\nRUN echo\nFROM one\nCOPY --from=one a b\n")
c("stages: doc comments", "# one the first\n# stage\nFROM a AS one\n# two is two\n\nFROM b AS two\n# nothing here\nARG x y\n# x is x\nARG x\n# y\nARG y\n#\nARG z\n")
c("stages: comments with check", "# check=skip=all\nFROM a AS b\n")

# unknown instructions
for df in ["RUNN x", "runn x", "Runn x", "FORM a", "COPPY a b", "XYZZY", "ENVV a=b", "worKdir /x"]:
    c("unknown: " + df, "FROM z\n" + df)

# flags
for df in ["COPY --from a b", "COPY --from= a b", "COPY --link= a b", "COPY --link=maybe a b",
           "COPY --link=TRUE a b", "COPY --link=False a b", "COPY --link --link a b", "COPY --exclude=a --exclude=b c d",
           "COPY --chmown=1 a b", "COPY --chown=a:b --chmod=755 --parents --link=true a b",
           "COPY --link -- a b", "COPY --exclude a b", "COPY --from=x --from=y a b", "ADD --from=x a b",
           "ADD --chown=1 --chmod=644 --link --keep-git-dir --checksum=sha256:abc --unpack=false --exclude=*.md a b c",
           "ADD --keep-git-dir=false --unpack a b", "ADD --unpack=TRUE a b", "ADD --chekcsum=x a b",
           "COPY --parents=false a/./b c", "ENV --foo a=b", "LABEL --x=y a=b", "WORKDIR --x /a", "USER --u x",
           "EXPOSE --p 80", "VOLUME --v /a", "CMD --c x", "ENTRYPOINT --e x", "SHELL --s [\"a\"]",
           "STOPSIGNAL --foo SIGKILL", "ARG --foo a=b", "HEALTHCHECK --interval=5s NONE", "ONBUILD --foo RUN x",
           "RUN --mount=type=cache,target=/a --mount=type=tmpfs,target=/b --network=none --security=insecure --device=x true",
           "RUN --networks=host x", "RUN --mout=type=bind x", "RUN --network=host --network=none x",
           "COPY --CHOWN=a b c", "COPY ---chown=a b c"]:
    c("flags: " + df, "FROM z\n" + df)
c("flags: quoted value", 'FROM z\nCOPY --chown="user name" a b')
c("flags: single quotes with double inside", "FROM z\nCOPY --from='bu\"ild' a b")
c("flags: escaped space", "FROM z\nCOPY --chown=a\\ b x y")
c("flags: escaped quote in quotes", 'FROM z\nCOPY --chown="a\\"b" x y')
c("flags: backtick escape", "# escape=`\nFROM z\nCOPY --chown=a` b x y")
c("flags: non-ascii", "FROM z\nCOPY --chown=\u00e9 x y")
c("flags: quoted mount with escaped quotes", 'FROM z\nRUN --mount=type=bind,target=\\"/a\\" x')

# simple instructions
for df in ["ENV a=b c=d", "ENV a b c", 'ENV a="b c" d=e\\ f', "ENV a", "ENV =b", "LABEL a=b", "LABEL a b",
           'LABEL "a b"=c', "MAINTAINER me <me@x>", "WORKDIR /a b", "USER 1000:1000", "EXPOSE 80 443/udp 8080 1000 22",
           "VOLUME /a /b", 'VOLUME ["/a", "/b"]', 'VOLUME [" "]', 'VOLUME [""]', "STOPSIGNAL SIGKILL",
           "STOPSIGNAL a b", "ARG a b=c", "ARG =x", "ARG a==b", 'ARG a="b c"', 'SHELL ["/bin/bash", "-c"]',
           "SHELL /bin/bash -c", "SHELL []", "SHELL", 'CMD ["a", "b"]', "CMD echo hi", "CMD", "CMD []",
           "ENTRYPOINT []", "ENTRYPOINT", 'ENTRYPOINT ["x"]', "ENTRYPOINT x y", "  run   echo   hi  ",
           "RUN", "RUN []", 'RUN ["a"]']:
    c("simple: " + df, "FROM z\n" + df)

# HEALTHCHECK
c("healthcheck: non-ascii unit", "FROM z\nHEALTHCHECK --timeout=1\u00b5s CMD x")
c("healthcheck: non-ascii unit 2", "FROM z\nHEALTHCHECK --timeout=5\u00e9 CMD x")
for df in ["HEALTHCHECK NONE", "HEALTHCHECK none", "HEALTHCHECK NONE x",
           'HEALTHCHECK --interval=5s --timeout=3s --start-period=1m --start-interval=500ms --retries=3 CMD ["curl", "x"]',
           "HEALTHCHECK FOO x", "HEALTHCHECK --foo=1 FOO x", "HEALTHCHECK CMD", "HEALTHCHECK CMD []",
           "HEALTHCHECK --interval=50ns CMD x", "HEALTHCHECK --interval=abc CMD x", "HEALTHCHECK --interval=1 CMD x",
           "HEALTHCHECK --interval=1y CMD x", "HEALTHCHECK --interval=0s CMD x", "HEALTHCHECK --interval=0 CMD x",
           "HEALTHCHECK --retries=-1 CMD x", "HEALTHCHECK --retries=abc CMD x", "HEALTHCHECK --retries=99999999999 CMD x",
           "HEALTHCHECK --retries=+7 CMD x", "HEALTHCHECK --interval=-5s CMD x", "HEALTHCHECK --interval=1.5h CMD x",
           "HEALTHCHECK --timeout=1h2m3.5s4ms5us6ns CMD x", "HEALTHCHECK --timeout=.5s CMD x", "HEALTHCHECK --timeout=. CMD x",
           "HEALTHCHECK --foo=1 CMD x",
           "HEALTHCHECK --start-period= CMD x", "HEALTHCHECK --retries=0 --timeout=2s cmd x y",
           "HEALTHCHECK --interval=5s --interval=6s CMD x", "HEALTHCHECK --retries=2147483648 CMD x",
           "HEALTHCHECK --retries=-2147483649 CMD x", "HEALTHCHECK --retries=4294967296x CMD x"]:
    c("healthcheck: " + df, "FROM z\n" + df)

# ONBUILD
for df in ["ONBUILD RUN echo hi", "onbuild run x", "ONBUILD MAINTAINER x", "ONBUILD from x",
           "ONBUILD RUN <<EOF\nhello\nEOF", "ONBUILD COPY --from=a b c", "  ONBUILD   ADD a b  ", "ONBUILD onbuild x"]:
    c("onbuild: " + df, "FROM z\n" + df)

# RUN flags and parse-time mount checks
for df in ["RUN --network=host x", "RUN --network=foo x", "RUN --security=insecure x", "RUN --security=bad x",
           "RUN --network=foo --security=bad x", "RUN --device=foo,bar --network=bad x", "RUN --device=a,required x",
           "RUN --mount=from=$X x", "RUN --mount=from=a$ x", "RUN --mount=from=${X} x", "RUN --mount=FROM=$x x",
           "RUN --mount= x", "RUN --mount=type=bind,src=a\"b x", "RUN --mount=foo,type=weird x",
           "RUN --mount=type=cache,target=/a,from=b --mount=from=c,type=bind x", "RUN --network= x",
           "RUN --device= x"]:
    c("run: " + df, "FROM z\n" + df)

# RUN --mount after expansion
mounts = [
    "type=cache,target=/root/.cache,id=$ID,sharing=locked,mode=0700,uid=1000,gid=1000",
    "type=tmpfs,target=/t,size=64m", "type=tmpfs,target=/t,size=1.5GiB", "type=tmpfs,target=/t,size=abc",
    "type=tmpfs,target=/t,size=10 kb", "type=tmpfs,size=1e3", "type=tmpfs,size=-1",
    "size=1m,type=tmpfs", "type=secret,id=foo,required", "type=secret,id=foo,required=false",
    "type=secret,id=foo,required=maybe", "type=bind,required", "type=bind,required=true",
    "type=secret,from=x,id=a", "type=secret,sharing=shared,id=a", "type=secret", "type=secret,source=a,id=b",
    "type=ssh,id=default,mode=0600", "type=ssh", "type=bind,mode=0700", "type=tmpfs,uid=1", "type=bind,gid=2",
    "type=bind,sharing=shared", "type=foo", "type=cach", "type=CACHE,target=/x", "type=cache,sharing=lock",
    "type=cache,sharing=PRIVATE", "targt=/x", "foo", "ro", "rw", "readonly=false", "rw=true", "ro=maybe",
    "type=cache,ro", "type=cache,mode=999", "type=cache,uid=-1", "type=cache,gid=4294967296",
    "type=cache,mode=037777777777", "type=secret,id=s,env=FOO", "type=secret,env=FOO,target=/x",
    "src=a,dst=/b", "source=a,destination=/c", "Type=cache,Target=/d", "type=bind,target=FAIL",
    "type=bind,target=$T,source=$S", "type=bind,from=a,source=b", "type=bind,from=a$", "type=cache,readwrite=false",
    "required,type=secret,id=x", "type=secret,id=x,required=1", "type=ssh,required=T",
    "type=bind,target=/a,unknown=1", "type=bind,targte=/a", "type=cache,mode=", "type=tmpfs,size=",
    "type=cache,id=", "type=tmpfs,size=5p", "type=tmpfs,size=5kib", "type=tmpfs,size=5kx",
]
for m in mounts:
    c("mount: " + m, f"FROM z\nRUN --mount={m} true", expand=True)
c("mount: several", "FROM z\nRUN --mount=type=secret,id=a --mount=type=bad --mount=type=cache x", expand=True)
c("devices", "FROM z\nRUN --device=vendor1.com/device=foo,required --device=name=x --device=a,required=false x")
for d in ["vendor1.com/device=foo,name=vendor2.com/device=bar", "a,b", "a,required=maybe", "a,nme=b", "a,nmae=b"]:
    c("device: " + d, f"FROM z\nRUN --device={d} x")

# expansion of every expandable instruction
c("expand: all", """FROM z
ENV $A=$B c=d
LABEL $L="$V"
ADD --chown=$U --chmod=$M --checksum=$C $S1 $S2 $D
COPY --chown=$U --chmod=$M --from=x $S <<EOF <<'EOT' $D
hello $X
EOF
raw $Y
EOT
WORKDIR $W
USER $U
VOLUME $V1 $V2
STOPSIGNAL $S
ARG $K=$V $N
EXPOSE $P 80
CMD $X
ENTRYPOINT $X
SHELL ["$X"]
HEALTHCHECK CMD $X
MAINTAINER $X
ONBUILD RUN $X
RUN --mount=target=$T,type=cache echo $X
""", expand=True)
c("expand: error order ADD", "FROM z\nADD --chown=FAIL1 --chmod=FAIL2 FAIL3 FAIL4", expand=True)
c("expand: error order COPY dest", "FROM z\nCOPY a FAILD", expand=True)
c("expand: error in heredoc", "FROM z\nCOPY <<EOF /d\nFAIL\nEOF", expand=True)
c("expand: WORKDIR", "FROM z\nWORKDIR FAIL", expand=True)

json.dump(cases, open("cases.json", "w"), indent=1, ensure_ascii=False)

# CSV quoting inside --mount (escaped quotes survive the parser's flag processing)
extra = []
for m in ['\\"type=cache\\"x', '\\"type=cache', 'type=cache,\\"target=/a\\"', '\\"a\\"\\"b\\",type=bind',
          '\u00e9\\"x', 'type=cache,\\"target=/a,b\\"', 'type=bind,,target=/x', 'type=bind,target=/x,']:
    extra.append({"name": "mount csv: " + m, "dockerfile": f"FROM z\nRUN --mount={m} true", "expand": True})
for size in ["0x1p4", "1_000", "inf", "+5m", ".5m", "5.m", "1e3k", "5 m", "1.5.5m", "5MB", "5mib", "5mi", "5Gb"]:
    extra.append({"name": "mount size: " + size, "dockerfile": f"FROM z\nRUN --mount=type=tmpfs,size={size} true", "expand": True})
for d in ["1h1h", "9223372036854775807ns", "9223372036854775808ns", "2562047h", "2562048h", "-0", "+0",
          "0.0000000001s", "1.0000000000000000000001s", "1.5", "1m.5s", "1s.", "3000000h", "0.1ns"]:
    extra.append({"name": "duration: " + d, "dockerfile": f"FROM z\nHEALTHCHECK --timeout={d} CMD x"})
for df in ["RUN --network=\u00e9 x", "FROM a AS \u00e9", "FROM a AS b\u200bc", "FROM a AS b\U0001F600",
           "HEALTHCHECK x\u00e9\u200b y", "RUN --mount=type=\u00e9 x"]:
    extra.append({"name": "quoting: " + df, "dockerfile": "FROM z\n" + df, "expand": True})
cases.extend(extra)
json.dump(cases, open("cases.json", "w"), indent=1, ensure_ascii=False)
