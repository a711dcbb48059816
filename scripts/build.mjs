// Bundles the CLI (and its parse worker, and the bench) into dist/ with esbuild:
// one file per entry starts in ~170 ms where loading hundreds of modules takes ~500 ms.
import {build} from 'esbuild';

await build({
  entryPoints: {
    briefing: 'src/cli/main.ts',
    worker: 'src/cli/worker.ts',
    bench: 'bench/bench.ts',
    'state-child': 'test/cli/state/helpers/state-child.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: ['node-pty', '@xterm/headless', 'react-devtools-core'], // ink loads devtools only when DEV=true
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
  jsx: 'automatic',
  logLevel: 'warning',
  define: {'process.env.NODE_ENV': '"production"'},
});
