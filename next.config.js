// Offline-safe: nothing here fetches at build or run time (no remote fonts or images).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server (server/index.ts) owns the process; Next only renders the page.
  typescript: { ignoreBuildErrors: false },
  devIndicators: false,
};

export default nextConfig;
