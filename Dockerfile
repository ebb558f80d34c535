# Longwave in a container: the built app and its server on a small Node runtime, as a non-root
# user. Configure it with the environment (see "Configuration" in the README), e.g.
#   docker build -t longwave .
#   docker run -p 4173:4173 -e LONGWAVE_PUBLIC_ORIGIN=https://podcasts.example.org longwave

# Build: the app (Vite, with .br/.gz copies of text assets) and the server compiled to JavaScript.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: they fetch test browser drivers, which the build does not need.
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build && npm run build:server

# Run: production dependencies only, the build output, nothing else.
FROM node:22-alpine AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4173
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
# The server, and what it shares with the app (src/shared), compiled to JavaScript.
COPY --from=build /app/build ./
# Root owns the files; the server runs as the image's unprivileged "node" user and cannot change them.
USER node
EXPOSE 4173
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4173) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM lets running responses finish for LONGWAVE_SHUTDOWN_SECONDS (8 s, inside docker stop's 10 s).
STOPSIGNAL SIGTERM
CMD ["node", "server/main.js"]
