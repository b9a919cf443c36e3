/** Injected by vite's `define` from EXECUTOR_TIME_SCALE (see vite.config.ts). */
declare const __EXECUTOR_TIME_SCALE__: number;
