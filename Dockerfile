# Multi-stage build of the shelfwise binary and its browser assets.
# Runtime: non-root user, SQLite in the /data volume by default; set DATABASE_URL
# (postgres://… as the application role) and SHELFWISE_DATABASE_OWNER_URL (the owner,
# for migrations) to use PostgreSQL instead: see docs/ARCHITECTURE.md#row-level-security.

FROM rust:1.95-bookworm AS build
RUN rustup target add wasm32-unknown-unknown \
 && cargo install wasm-bindgen-cli --version 0.2.130
WORKDIR /src
COPY . .
RUN cargo build --release -p server --bin shelfwise \
 && cargo build --profile wasm-release -p frontend --lib --target wasm32-unknown-unknown \
 && wasm-bindgen --target web --no-typescript --out-dir site/pkg --out-name portal \
      target/wasm32-unknown-unknown/wasm-release/frontend.wasm \
 && cp app/style/portal.css site/pkg/portal.css

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app shelfwise \
 && mkdir -p /data && chown shelfwise /data
WORKDIR /app
COPY --from=build /src/target/release/shelfwise /usr/local/bin/shelfwise
COPY --from=build /src/site ./site
COPY themes ./themes
COPY tenants ./tenants
ENV SHELFWISE_LISTEN=0.0.0.0:3000 \
    DATABASE_URL=sqlite:///data/shelfwise.db \
    SHELFWISE_LOG_FORMAT=json
VOLUME /data
USER shelfwise
EXPOSE 3000
ENTRYPOINT ["shelfwise"]
CMD ["serve"]
