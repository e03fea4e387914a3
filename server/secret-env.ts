/**
 * A secret setting (LAB_TOKEN, ALERT_WEBHOOK_TOKEN), taken out of the environment so no child
 * process inherits it: server/start.mjs stashed it before any loader thread started; run another
 * way (tests, tsx), it is taken here.
 */
export function takeSecretEnv(name: 'LAB_TOKEN' | 'ALERT_WEBHOOK_TOKEN'): string | undefined {
  const key = Symbol.for(`offset-lab.secret.${name}`);
  const stashed = (globalThis as Record<symbol, unknown>)[key];
  const value = typeof stashed === 'string' ? stashed : process.env[name];
  delete process.env[name];
  return value;
}
