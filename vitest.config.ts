import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  define: { __TARGET_BROWSER__: JSON.stringify('chrome') },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'e2e/fake-servers/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto', './src/ui/i18n/test-setup.ts'],
  },
});
