/**
 * Vite build of the browser client: root is this folder, output goes to dist/client, and the dev server
 * proxies the lobby API and the WebSocket to the game server (TICKFIRE_SERVER_PORT, default 8080).
 *
 * The config is a plain object on purpose: importing 'vite' here would pull Node's types into the
 * browser typecheck (tsconfig.client.json), where they do not belong.
 */
declare const process: { readonly env: Readonly<Record<string, string | undefined>> };

const root = decodeURIComponent(new URL('.', import.meta.url).pathname);
const server = `http://127.0.0.1:${process.env.TICKFIRE_SERVER_PORT ?? 8080}`;

export default {
  root,
  base: '/',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Phaser changes far less often than the game: its own chunk stays cached across releases.
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/ws': { target: server, ws: true, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/ws': { target: server, ws: true, changeOrigin: false },
    },
  },
};
