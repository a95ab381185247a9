# The portal's image (the last stage, built by default) and the NHS login simulator's (the
# target `simulator`).
# Built with the same commands CI runs: `npm ci`, then `npm run build`, whose standalone server
# the end-to-end suite serves with `node server.js`, as this image does (docs/deploying.md).
#
#   docker build -t patient-portal .
#   docker build -t nhs-login-simulator --target simulator .
#
# NODE_IMAGE names the Node.js 24 base: your organisation's own, where public images are not used.
ARG NODE_IMAGE=node:24-slim

# Dependencies from the lockfile alone, so that this layer is reused until it changes. Every
# workspace's package.json is needed for npm ci to install the workspaces.
FROM ${NODE_IMAGE} AS dependencies
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY packages/nhs-login-vocabulary/package.json packages/nhs-login-vocabulary/
COPY simulator/package.json simulator/
RUN npm ci --no-audit --no-fund

# The standalone server in .next/standalone, and the simulator's package as other teams get it.
FROM dependencies AS build
COPY . .
RUN npm run build \
  && mkdir /tmp/simulator-package \
  && npm pack --workspace simulator --pack-destination /tmp/simulator-package

# The simulator, installed from the package `npm pack` made, as any team installs it. It keeps
# its keys, and makes the portal's local keys, in /simulator/.local: mount a volume there to
# share them with portal containers. It is never for production (it refuses NODE_ENV=production).
FROM ${NODE_IMAGE} AS simulator
COPY --from=build /tmp/simulator-package /tmp/simulator-package
RUN npm install --global --no-audit --no-fund /tmp/simulator-package/nhs-login-simulator-*.tgz \
  && rm -rf /tmp/simulator-package \
  && mkdir -p /simulator/.local \
  && chown node:node /simulator/.local
WORKDIR /simulator
USER node
EXPOSE 4000
HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=5 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.SIMULATOR_PORT ?? 4000}/.well-known/openid-configuration`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["nhs-login-simulator", "--host", "0.0.0.0"]

# The portal: the standalone folder alone, owned by root and run by an unprivileged user, so the
# process cannot change its own code.
FROM ${NODE_IMAGE} AS portal
WORKDIR /app
# HOSTNAME is set because container runtimes set it to the container's name, and the server
# would then listen on that name's address only. V8 sizes the heap from the container's memory
# limit: 75% of it, leaving the rest for code, buffers and sockets.
ENV NODE_ENV=production \
  PORT=3000 \
  HOSTNAME=0.0.0.0 \
  NEXT_TELEMETRY_DISABLED=1 \
  NODE_OPTIONS=--max-old-space-size-percentage=75
COPY --from=build /src/.next/standalone ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health/live`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node.js is the container's first process, with no shell in between: SIGTERM reaches the
# portal's own handler, which finishes requests in flight and closes the session store.
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
