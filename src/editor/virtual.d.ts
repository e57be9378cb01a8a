/** scripts/tfjsTypingsPlugin.ts: tfjs-core's declaration files, path → text. */
declare module 'virtual:tfjs-core-typings' {
  const typings: Record<string, string>;
  export default typings;
}
