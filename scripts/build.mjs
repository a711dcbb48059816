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
  // Some CommonJS dependencies call require(); give the ESM bundle one. Some read __filename or
  // __dirname (write-file-atomic hashes __filename into its temp names): define those too.
  banner: {
    js:
      "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);" +
      " import {fileURLToPath as __f2p} from 'node:url'; import {dirname as __dn} from 'node:path';" +
      ' const __filename = __f2p(import.meta.url); const __dirname = __dn(__filename);',
  },
  // Ink draws no live frames when CI is set; ours only ever renders on a terminal (see the shim).
  alias: {'is-in-ci': './src/cli/shims/is-in-ci.ts'},
  jsx: 'automatic',
  logLevel: 'warning',
  define: {'process.env.NODE_ENV': '"production"'},
});
