# m365-dns-health: the standalone production server (docs/deploy.md). Docker is not installed on the machines this
# project is developed on, so this file is not built there; its build steps are the ones the test run uses
# (scripts/ensure-build.mjs → next build + scripts/standalone.mjs), and e2e/integration/standalone.test.ts runs
# the same output copied away from the source tree.

# --- build: dependencies with the dev tools, then the standalone output -------------------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /src
# better-sqlite3 falls back to compiling its addon when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN node scripts/ensure-build.mjs && node scripts/build-cli.mjs

# --- runtime: only the standalone server, as a non-root user ------------------------------------------------
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    BIND_HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
RUN groupadd --system app && useradd --system --gid app --home-dir /app app \
    && mkdir -p /data && chown app:app /data
COPY --from=build --chown=app:app /src/.next/standalone ./
# The CLI, for `docker run … node /app/cli.mjs check contoso.com` (needs only the server's node_modules).
COPY --from=build --chown=app:app /src/dist/cli.mjs ./cli.mjs
USER app
# Runs and results (the embedded SQLite database) unless DATABASE_URL names PostgreSQL.
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]
