export { AppError, isAppError } from './app-error.js';
export type { ErrorCategory, ErrorDetails } from './app-error.js';
