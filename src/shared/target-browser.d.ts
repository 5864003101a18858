declare const __TARGET_BROWSER__: 'chrome' | 'firefox';
