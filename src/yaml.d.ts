// Rule packs (*.yaml) are inlined as JSON by the esbuild yaml plugin.
declare module '*.yaml' {
  const data: unknown;
  export default data;
}
