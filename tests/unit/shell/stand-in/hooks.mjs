/** Node module hooks for the smoke test: `import … from 'electron'` gets the recording stand-in. */
const standIn = new URL('./electron.mjs', import.meta.url).href;

/** Resolves 'electron' to the stand-in; everything else as usual. */
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: standIn, shortCircuit: true };
  return nextResolve(specifier, context);
}
