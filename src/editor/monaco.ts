/**
 * Monaco, set up for TypeScript against tfjs. Only ever loaded through a dynamic import
 * (see loadMonaco), so the editor and its ~1 MB of tfjs typings stay out of the first page load.
 * Pulls the editor API, the editor features and the TypeScript language only — importing
 * `monaco-editor` whole would register every language.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import * as ts from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
// tfjs-core's declaration files, keyed by their path under the project root (scripts/tfjsTypingsPlugin.ts).
import TFJS_CORE_TYPINGS from 'virtual:tfjs-core-typings';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};


const tsDefaults = ts.typescriptDefaults;

tsDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  lib: ['es2020', 'dom'],
  allowNonTsExtensions: true,
  // Loose enough that a sketch type-checks, strict enough that real mistakes get a squiggle.
  strict: false,
  noImplicitAny: false,
  strictNullChecks: false,
  noEmit: true,
  esModuleInterop: true,
  skipLibCheck: true,
});
tsDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
tsDefaults.setEagerModelSync(true);

for (const [path, content] of Object.entries(TFJS_CORE_TYPINGS)) {
  tsDefaults.addExtraLib(content, `file://${path}`);
}
tsDefaults.addExtraLib(
  JSON.stringify({ name: '@tensorflow/tfjs-core', version: '4.22.0', types: 'dist/index.d.ts' }),
  'file:///node_modules/@tensorflow/tfjs-core/package.json',
);
// The judge runs user code against the full `@tensorflow/tfjs` bundle; for typing purposes its
// op surface is tfjs-core's, which keeps the typings we ship small.
tsDefaults.addExtraLib(
  "declare module '@tensorflow/tfjs' {\n  export * from '@tensorflow/tfjs-core';\n}\n",
  'file:///node_modules/@types/tensordojo-tfjs/index.d.ts',
);

// tfjs-core's typings reference @webgpu/types for two interfaces; stubs keep that reference
// resolvable without shipping 100 KB of WebGPU typings the user never needs.
tsDefaults.addExtraLib(
  'interface GPUBuffer {}\ninterface GPUDevice {}\n',
  'file:///node_modules/@webgpu/types/dist/index.d.ts',
);

monaco.editor.defineTheme('tensordojo', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#15181e' },
});

export { monaco };
export type Monaco = typeof monaco;
