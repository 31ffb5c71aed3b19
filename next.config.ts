import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // A self-contained server in .next/standalone (server.js and only the node_modules files it needs), assembled
  // by scripts/standalone.mjs with the static assets: what the Dockerfile ships and the tests run (docs/deploy.md).
  output: 'standalone',
  outputFileTracingRoot: process.cwd(),
  poweredByHeader: false,
  // Static security headers also live here, because proxy.ts can be skipped (CVE-2025-29927).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
