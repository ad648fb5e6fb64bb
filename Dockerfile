# The hooklint image: the release's static linux binary on a minimal base
# (distroless static: no shell, no package manager), running as non-root.
# Its build context is dist/image from scripts/release.sh, which holds this
# file and linux_<arch>/hooklint (the binaries of the release archives):
#
#   scripts/release.sh --snapshot linux/amd64 && docker build -t hooklint dist/image
#   docker buildx build --platform linux/amd64,linux/arm64 -t IMAGE dist/image
#
# Run it on the current directory (it reads the chart, writes nothing unless
# told to with -o FORMAT=FILE, for which /src must be writable by uid 65532):
#
#   docker run --rm -v "$PWD:/src" -w /src IMAGE lint ./chart
FROM gcr.io/distroless/static-debian12:nonroot
# BuildKit sets TARGETARCH from --platform (amd64 or arm64).
ARG TARGETARCH
COPY linux_${TARGETARCH}/hooklint /usr/local/bin/hooklint
USER 65532:65532
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/hooklint"]
