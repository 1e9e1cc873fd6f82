import type { BuildOptions } from 'esbuild';
export declare function bundleOptions(options: { root: string; production?: boolean; out?: string }): Record<'host' | 'cli' | 'cliExport' | 'markdownPreview' | 'webview', BuildOptions>;
