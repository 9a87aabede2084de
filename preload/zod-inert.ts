/**
 * What `zod` resolves to in the preload bundle only (electron.vite.config.ts): the bridge needs
 * the contract's channel and event NAMES, never its schemas — main validates every call — so
 * the schemas are built from this inert stand-in instead of shipping and running zod before
 * the window's first paint. Any property read or call on it returns itself.
 */
const inert: unknown = new Proxy(function inertSchema() {}, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => 'inert-schema' : inert),
  apply: () => inert,
});

/** The stand-in for zod's `z` namespace. */
export const z = inert;
/** zod's default export, for completeness. */
export default inert;
