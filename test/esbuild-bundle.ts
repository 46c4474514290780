// Bundles `contents` the way an app's bundler would (esbuild, tree-shaken, minified) and returns
// the code: what a test can search for code that should, or should not, have been carried along.
import { build } from 'esbuild';

export async function bundleLikeAnApp(contents: string, loader: 'ts' | 'js' = 'ts'): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Texts only the Connect payment form's modules contain. */
export const FORM_MARKERS = ['baton-form', 'baton-brand', 'Please use another card', 'must be a session from createClientSession'];
