export { buildHttpApp, type HttpAppOptions } from './app.js';
export { HTTP_STATUS, problemOf } from './problem.js';
