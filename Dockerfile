# The lab's own container: Node.js for the server and page, a JDK for Kafka's Java clients (the
# observer and the Java lab consumers, compiled once with javac), and Maven to fetch Kafka's jars.
FROM node:20-bookworm
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0
RUN npm run build
EXPOSE 3000
CMD ["npm", "start"]
