// `npm start`: the lab's entry. Plain JavaScript, so it runs before any TypeScript loader: the
// LAB_TOKEN leaves the environment here, before tsx starts its loader thread and esbuild service,
// so no thread or child process of the lab ever holds it (/proc/<pid>/environ is readable).
const TOKEN_KEY = Symbol.for('offset-lab.lab-token');
if (process.env.LAB_TOKEN !== undefined) {
  globalThis[TOKEN_KEY] = process.env.LAB_TOKEN;
  delete process.env.LAB_TOKEN;
}
const { register } = await import('tsx/esm/api');
register();
await import('./index.ts');
