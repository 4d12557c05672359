# Build: the Swift toolchain plus the -dev packages; the binary links Swift's runtime statically.
FROM swift:6.1-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-dev libssl-dev zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
COPY Migrations ./Migrations
RUN swift build -c release --static-swift-stdlib --product wastesort \
    && cp "$(swift build -c release --show-bin-path)/wastesort" /usr/local/bin/wastesort

# Run: only the runtime libraries, the binary and its migrations, as a non-root user.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-0 libssl3 zlib1g ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/wastesort --create-home wastesort
COPY --from=build /usr/local/bin/wastesort /usr/local/bin/wastesort
COPY Migrations /usr/local/share/wastesort/Migrations
USER wastesort
WORKDIR /var/lib/wastesort
VOLUME ["/var/lib/wastesort"]
ENV WASTESORT_HOST=0.0.0.0 WASTESORT_PORT=8080 WASTESORT_DB=/var/lib/wastesort/wastesort.db
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["/bin/sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '200' <&3"]
ENTRYPOINT ["/usr/local/bin/wastesort"]
CMD ["serve"]
