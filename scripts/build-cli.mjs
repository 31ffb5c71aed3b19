#!/usr/bin/env node
/**
 * Compiles the command-line tool (lib/cli/bin.ts) into one ES module, dist/cli.mjs, the package's `bin`: so it
 * runs without tsx or the other dev tools (`npx .` from a clone, a global install). Run by `npm install`'s
 * `prepare` and by `npm run build`. The database and queue packages stay outside (the CLI never loads them).
 */

// `prepare` also runs on `npm ci --omit=dev` (a production install, the Dockerfile's runtime stage), where the
// compiler is absent: there it says so and leaves the build to `npm run build`.
let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  if (process.argv.includes('--if-available')) {
    console.log('build-cli: esbuild is not installed (a production install); dist/cli.mjs not rebuilt.');
    process.exit(0);
  }
  throw new Error('build-cli: esbuild is missing; run `npm install` (it is a devDependency).');
}

const root = new URL('..', import.meta.url);

/** `server-only` throws outside Next's server bundles; the CLI is server code, so it is an empty module here. */
const serverOnly = {
  name: 'server-only',
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

await build({
  absWorkingDir: root.pathname,
  entryPoints: ['lib/cli/bin.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  tsconfig: 'tsconfig.json',
  external: ['better-sqlite3', 'pg', 'pg-boss', 'pino', 'pino-pretty', 'exceljs'],
  // Bundled CommonJS packages call require(); give the module one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  plugins: [serverOnly],
  logLevel: 'warning',
  legalComments: 'none',
});
