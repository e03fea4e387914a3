// `npm start`: the lab's entry. Plain JavaScript, so it runs before any TypeScript loader: the
// secrets (LAB_TOKEN, ALERT_WEBHOOK_TOKEN) leave the environment here, before tsx starts its
// loader thread and esbuild service, so no thread or child process of the lab ever holds them
// (/proc/<pid>/environ is readable). server/secret-env.ts takes them back.
for (const name of ['LAB_TOKEN', 'ALERT_WEBHOOK_TOKEN']) {
  if (process.env[name] === undefined) continue;
  globalThis[Symbol.for(`offset-lab.secret.${name}`)] = process.env[name];
  delete process.env[name];
}
const { register } = await import('tsx/esm/api');
register();
await import('./index.ts');
