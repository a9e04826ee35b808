/** Proof that uWebSockets.js is the native addon and not its slow JavaScript fallback. */
import uWS from 'uWebSockets.js';

/** Throws unless `mod` looks like the native uWS module (the fallback shim has no SSLApp). */
export function assertNativeUws(mod: object = uWS): void {
  if (typeof Reflect.get(mod, 'SSLApp') !== 'function')
    throw new Error('uWebSockets.js native binary not loaded');
}

const NATIVE_OBJECT = /[\\/]uws_[^\\/]+\.node$/;

/** True if a uws_*.node shared object is loaded into this process (from the process report). */
export function uwsIsNative(): boolean {
  const report = process.report?.getReport() as { sharedObjects?: unknown } | undefined;
  const objects = report?.sharedObjects;
  return Array.isArray(objects) && objects.some((o) => typeof o === 'string' && NATIVE_OBJECT.test(o));
}
