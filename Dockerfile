# The lab's own container: Node.js for the server and page, a JDK for Kafka's Java clients (the
# observer and the Java lab consumers, compiled once with javac), and Maven to fetch Kafka's jars.
# Client settings with secrets (KAFKA_CONFIG) are mounted at run time, never copied in: see
# .dockerignore and the README's "Docker" section.
FROM node:20-bookworm
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
RUN chown node:node /app
# Not root: a bug in the lab or in a client library gets an unprivileged user, not the container.
USER node
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY --chown=node:node . .
ENV NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0
RUN npm run build && mkdir -p /app/.kafka
EXPOSE 3000
CMD ["npm", "start"]
