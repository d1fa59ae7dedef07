# syntax=docker/dockerfile:1
#
# Kapok: one image, one process, one port. The API serves the REST API, Swagger, /metrics and the
# built web app on port 3000. Needs an external PostgreSQL (DATABASE_URL); see docs/operations.md.
#
#   docker build -t kapok-api .
#   docker run --env-file .env -p 3000:3000 kapok-api
#
# Base image: node:24-bookworm-slim (Node 24, the active LTS; glibc so the prebuilt argon2 / swc / nx
# binaries load). Pin it to a digest (node:24-bookworm-slim@sha256:…) for reproducible production
# builds. The embedded PostgreSQL is a development default (a devDependency): the runtime image does not
# contain it and needs DATABASE_URL.
ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------------------------------
# manifests: only the root and workspace package.json files and the lockfile, so the `npm ci` layers
# below stay cached until a dependency changes. Every workspace of the lockfile (apps/*, libs/*) is
# included through a glob, so a new workspace needs no change here.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /manifests \
 && cp package.json package-lock.json /manifests/ \
 && for f in apps/*/package.json libs/*/package.json; do \
      mkdir -p "/manifests/$(dirname "$f")" && cp "$f" "/manifests/$f"; \
    done

# ---------------------------------------------------------------------------------------------------
# build: all dependencies, then the libraries (through Nx's ^build), the API and the web app.
FROM ${NODE_IMAGE} AS build
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=true \
    SCARF_ANALYTICS=false NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci
COPY . .
RUN npx nx run-many -t build --projects=api,web --skip-nx-cache \
 && mkdir -p /out \
 && for d in libs/*/dist apps/api/dist apps/web/dist; do \
      mkdir -p "/out/$(dirname "$d")" && cp -R "$d" "/out/$d"; \
    done

# ---------------------------------------------------------------------------------------------------
# runtime: production dependencies only, the built output, a non-root user.
FROM ${NODE_IMAGE} AS runtime
# A fixed glibc mmap threshold: argon2's 19 MiB blocks go back to the OS after each sign-in instead of
# staying in the worker threads' malloc arenas (up to 4 × 19 MiB of RSS otherwise; docs/performance.md).
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 MALLOC_MMAP_THRESHOLD_=131072 \
    SCARF_ANALYTICS=false NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
WORKDIR /app
COPY --from=manifests /manifests/ ./
# `--omit=dev` leaves out the build and test tooling (nx, swc, vite, jest, …) and the embedded
# PostgreSQL; the workspace packages @kapok/contracts and @kapok/api-client become symlinks to libs/*,
# whose dist/ is copied below.
RUN npm ci --omit=dev \
 && npm cache clean --force \
 && rm -rf /root/.npm /tmp/*
COPY --from=build /out/ ./

# The files stay owned by root and read-only for the app; it writes nothing to disk (logs go to stdout).
USER node
EXPOSE 3000
# Readiness = the database answers; generous start period because migrations run at start-up.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM drains open requests and event streams (at most 15 s), then exits 0.
STOPSIGNAL SIGTERM
CMD ["node", "apps/api/dist/main.js"]
