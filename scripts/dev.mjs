// `npm run dev`: Vite dev server with hot reload, proxying /api and /ws to a game server that
// restarts whenever its compiled output changes (tsc --watch).
import { spawn, spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const port = process.env.TICKFIRE_SERVER_PORT ?? '8081';
const env = { ...process.env, TICKFIRE_SERVER_PORT: port };

spawnSync('npx', ['tsc', '-p', 'tsconfig.server.json'], { cwd: root, stdio: 'inherit' });
const children = [
  spawn('npx', ['tsc', '-p', 'tsconfig.server.json', '--watch', '--preserveWatchOutput'], {
    cwd: root,
    stdio: 'inherit',
  }),
  spawn(
    process.execPath,
    ['--watch', 'dist/node/game-server/main.js', '--port', port, '--host', '127.0.0.1'],
    {
      cwd: root,
      stdio: 'inherit',
      env,
    },
  ),
  spawn('npx', ['vite', '--config', 'game-client/vite.config.ts'], { cwd: root, stdio: 'inherit', env }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
