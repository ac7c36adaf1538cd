/** Static export: the whole site is files in out/, served by any static host. */
const nextConfig = {
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  // mdx-bundler and esbuild run at build time on the server only; never bundle them.
  serverExternalPackages: ['mdx-bundler', 'esbuild'],
};
export default nextConfig;
