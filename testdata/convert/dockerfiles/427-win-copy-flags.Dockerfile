# escape=`
# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
WORKDIR C:\app
COPY --exclude=*.log --exclude=tmp\* src\ C:\app\src\
COPY --chmod=644 --chown=ContainerUser:ContainerUser a.txt b\
ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.32.2 C:\src\buildkit
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/x.zip .\dl\
ADD --unpack=true archive.tar C:\unpacked\
