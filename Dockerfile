# Build: the Swift toolchain plus the -dev packages; the binary links Swift's runtime statically.
FROM swift:6.1-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-dev libssl-dev zlib1g-dev libcurl4-openssl-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The commit `wastesort --version` and /metrics report (there is no .git in the build context):
# docker build --build-arg WASTESORT_COMMIT=$(git rev-parse --short=12 HEAD) .
ARG WASTESORT_COMMIT=unknown
ENV WASTESORT_COMMIT=$WASTESORT_COMMIT
# Package.resolved* copies the pins when the checkout has them (the glob matches nothing otherwise).
COPY Package.swift Package.resolved* ./
COPY Sources ./Sources
COPY Tests ./Tests
COPY Migrations ./Migrations
COPY scripts/docker-build ./scripts/docker-build
# The same script scripts/docker-steps runs outside a container.
RUN scripts/docker-build /usr/local/bin

# Run: only the runtime libraries, the binary and its migrations, as a non-root user.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-0 libssl3 zlib1g libcurl4 ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/wastesort --create-home wastesort
COPY --from=build /usr/local/bin/wastesort /usr/local/bin/wastesort
COPY Migrations /usr/local/share/wastesort/Migrations
USER wastesort
WORKDIR /var/lib/wastesort
VOLUME ["/var/lib/wastesort"]
ENV WASTESORT_HOST=0.0.0.0 WASTESORT_PORT=8080 WASTESORT_DB=/var/lib/wastesort/wastesort.db
EXPOSE 8080
# Exec form, no shell: /bin/sh is dash here, which has no /dev/tcp. It asks WASTESORT_PORT.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD ["/usr/local/bin/wastesort", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/wastesort"]
CMD ["serve"]
