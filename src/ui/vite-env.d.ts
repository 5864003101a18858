/// <reference types="vite/client" />
// Lets the pages import their stylesheets (vite bundles them).
