import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The extension's manifest and build. Preact has no WXT module, so its Vite preset is added here.
export default defineConfig({
  // Separate output folders let several builds (tests, benchmarks) run side by side.
  outDir: process.env.SL_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  zip: {
    // The sources package for addons.mozilla.org: what reviewers need to rebuild, not local output.
    excludeSources: ['demo-output/**', 'test-results/**', 'bench-output/**', 'playwright-report/**', '.output-*/**'],
  },
  vite: () => ({
    plugins: [preact()],
    // SL_NO_MINIFY=1 keeps function names, so a profile of the content script reads (scripts/bench-profile.ts).
    ...(process.env.SL_NO_MINIFY ? { build: { minify: false } } : {}),
  }),
  manifest: ({ browser }) => ({
    name: 'Sanctions Lens',
    description:
      'Flags companies on US sanctions and investment-restriction lists (NS-CMIC, SDN, 1260H…) where you read about them.',
    // No `tabs`: tab addresses come from the host permission, which scanning every site needs anyway.
    // Notifications are asked for only when the user turns them on.
    permissions: ['storage', 'alarms'],
    optional_permissions: ['notifications'],
    host_permissions: ['<all_urls>'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Sanctions Lens' },
    commands: {
      'show-findings': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'List the companies flagged on this page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sanctions-lens@sanctionslens.app',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
